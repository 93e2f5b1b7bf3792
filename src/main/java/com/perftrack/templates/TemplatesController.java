package com.perftrack.templates;

import com.perftrack.organisation.CompanySettings;
import com.perftrack.organisation.OrgUnit;
import com.perftrack.organisation.OrganisationService;
import com.perftrack.organisation.ReaderScope;
import com.perftrack.organisation.ReaderScopes;
import com.perftrack.security.CompanyAccess;
import com.perftrack.security.CurrentUser;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The three report templates of the method (issue 16): {@code customer-survey}, {@code market-report},
 * {@code regional-plan}. {@code GET /api/templates/<name>/xlsx} the empty template,
 * {@code POST /api/imports/<name>} (multipart {@code file}, CSV or XLSX, all or nothing, 422 with
 * {@code errors}), {@code GET /api/templates/<name>?period=&unitCode=} JSON and {@code …/export} the
 * stored lines as the upload file. Uploads follow {@link TemplateRemit}; reads the caller's
 * {@link ReaderScope} like the KPI results.
 */
@RestController
class TemplatesController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final TemplateService service;
    private final TemplateReads reads;
    private final TemplateWorkbooks workbooks;
    private final SurveyStore surveys;
    private final ReaderScopes scopes;
    private final CompanyAccess companies;
    private final OrganisationService organisation;
    private final CompanySettings company;

    TemplatesController(TemplateService service, TemplateReads reads, TemplateWorkbooks workbooks, SurveyStore surveys,
            ReaderScopes scopes, CompanyAccess companies, OrganisationService organisation, CompanySettings company) {
        this.service = service;
        this.reads = reads;
        this.workbooks = workbooks;
        this.surveys = surveys;
        this.scopes = scopes;
        this.companies = companies;
        this.organisation = organisation;
        this.company = company;
    }

    @PostMapping(path = "/api/imports/{name:customer-survey|market-report|regional-plan}",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    TemplateViews.ImportSummary upload(@PathVariable String name, @RequestParam("file") MultipartFile file) throws IOException {
        TemplateRemit caller = caller();
        return switch (name) {
            case "customer-survey" -> service.importSurveys(file.getOriginalFilename(), file.getBytes(), caller);
            case "market-report" -> service.importMarket(file.getOriginalFilename(), file.getBytes(), caller);
            default -> service.importPlan(file.getOriginalFilename(), file.getBytes(), caller);
        };
    }

    @GetMapping("/api/templates/{name}/xlsx")
    ResponseEntity<byte[]> template(@PathVariable String name, @RequestParam(required = false) String companyCode) {
        String code = scopes.companyOrDefault(scopes.current(), companyCode, company.code());
        return xlsx(name + "-template.xlsx", workbooks.template(known(name), surveys.questions(code)));
    }

    @GetMapping("/api/templates/customer-survey")
    TemplateViews.Surveys surveys(@RequestParam String period, @RequestParam(required = false) String unitCode,
            @RequestParam(required = false) String companyCode) {
        ReaderScope scope = scopes.current();
        String code = unitCode == null ? scopes.companyOrDefault(scope, companyCode, company.code()) : unit(scope, unitCode).companyCode();
        return reads.surveys(period, code, unitCode, scopes.rowFilter(scope));
    }

    @GetMapping("/api/templates/market-report")
    TemplateViews.MarketReport market(@RequestParam String period, @RequestParam(required = false) String unitCode) {
        return reads.market(period, unitCode, visible(unitCode));
    }

    @GetMapping("/api/templates/regional-plan")
    TemplateViews.RegionalPlan plan(@RequestParam String period, @RequestParam(required = false) String unitCode) {
        return reads.plan(period, unitCode, visible(unitCode));
    }

    /** The plan of {@code period} (the month planned) against that month's results, per region and KPI. */
    @GetMapping("/api/templates/regional-plan/review")
    List<PlanReview.Line> review(@RequestParam String period, @RequestParam(required = false) String unitCode) {
        return reads.review(com.perftrack.calendar.Period.parse(period).toString(), unitCode, visible(unitCode));
    }

    @GetMapping("/api/templates/{name}/export")
    ResponseEntity<byte[]> export(@PathVariable String name, @RequestParam String period,
            @RequestParam(required = false) String unitCode, @RequestParam(required = false) String companyCode) {
        byte[] xlsx = switch (known(name)) {
            case "customer-survey" -> workbooks.surveys(surveys(period, unitCode, companyCode));
            case "market-report" -> workbooks.market(market(period, unitCode));
            default -> workbooks.plan(plan(period, unitCode));
        };
        return xlsx(name + "-" + period + ".xlsx", xlsx);
    }

    /** The company's survey settings: whether its months feed CUSTOMER_SATISFACTION, and its questions. */
    @GetMapping("/api/templates/customer-survey/settings")
    Settings settings(@RequestParam(required = false) String companyCode) {
        String code = scopes.companyOrDefault(scopes.current(), companyCode, company.code());
        return new Settings(code, surveys.feedsSatisfaction(code), surveys.questions(code));
    }

    /** The secretary-general of the company or an administrator changes them. */
    @PutMapping("/api/templates/customer-survey/settings")
    Settings changeSettings(@RequestBody Settings settings) {
        if (settings.companyCode() == null || organisation.findUnit(settings.companyCode())
                .filter(u -> OrgUnit.COMPANY.equals(u.unitType())).isEmpty()) {
            throw new IllegalArgumentException("未知公司 / unknown company '" + settings.companyCode() + "'");
        }
        if (!caller().companyWide(settings.companyCode())) {
            throw new TemplateProblems.NotAllowedException("只有该公司的秘书长或系统管理员可以修改客户调查设置 / only the company's "
                    + "secretary-general or an administrator changes the survey settings");
        }
        service.changeSettings(settings.companyCode(), settings.feedsSatisfaction(), settings.questions(),
                CurrentUser.get().orElseThrow().userId());
        return settings(settings.companyCode());
    }

    record Settings(String companyCode, boolean feedsSatisfaction, List<SurveyQuestion> questions) {
    }

    private BiPredicate<String, String> visible(String unitCode) {
        ReaderScope scope = scopes.current();
        if (unitCode != null) {
            unit(scope, unitCode);
        }
        return scopes.rowFilter(scope);
    }

    private OrgUnit unit(ReaderScope scope, String unitCode) {
        return scopes.visibleUnit(scope, unitCode)
                .orElseThrow(() -> new IllegalArgumentException("未知单位 / unknown unit '" + unitCode + "'"));
    }

    private TemplateRemit caller() {
        CurrentUser user = CurrentUser.get().orElseThrow(() -> new TemplateProblems.NotAllowedException("请先登录 / log in first"));
        Map<String, OrgUnit> units = new HashMap<>();
        organisation.allUnits().forEach(u -> units.put(u.code(), u));
        return new TemplateRemit(user.userId(), java.util.Set.copyOf(user.groups()), companies.of(user), units);
    }

    private static String known(String name) {
        if (!List.of("customer-survey", "market-report", "regional-plan").contains(name)) {
            throw new TemplateProblems.UnknownTemplateException(name);
        }
        return name;
    }

    private static ResponseEntity<byte[]> xlsx(String fileName, byte[] content) {
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"").body(content);
    }
}
