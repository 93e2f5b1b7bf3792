package com.perftrack.imports;

import com.perftrack.security.CommitteeGroup;
import com.perftrack.security.CompanyAccess;
import com.perftrack.security.CurrentUser;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/imports/organisation}, {@code /figures}, {@code /kpi-catalogue} and {@code /kpi-weights}
 * (multipart field {@code file}, CSV or XLSX) and their templates.
 *
 * <p>Who may import: the organisation — its company's HR ({@code hr}) or camunda-admin; figures —
 * any committee group (every group of SPEC.md section 1 except {@code employee}) or camunda-admin.
 * Anyone else gets 403. Which lines each may write is {@link ImportRemit}'s business.
 */
@RestController
@RequestMapping("/api/imports")
class ImportController {

    static final Set<String> ORGANISATION_IMPORTERS = Set.of("hr", Groups.CAMUNDA_ADMIN);
    static final Set<String> FIGURE_IMPORTERS = Arrays.stream(CommitteeGroup.values())
            .filter(g -> g != CommitteeGroup.EMPLOYEE).map(CommitteeGroup::id)
            .collect(java.util.stream.Collectors.toCollection(() -> new java.util.HashSet<>(List.of(Groups.CAMUNDA_ADMIN))));
    static final Set<String> METHOD_OWNERS = Set.of("hr", "secretary-general", Groups.CAMUNDA_ADMIN);
    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final ImportService imports;
    private final CompanyAccess companies;
    private final ImportGate gate;

    ImportController(ImportService imports, CompanyAccess companies, ImportGate gate) {
        this.imports = imports;
        this.companies = companies;
        this.gate = gate;
    }

    @PostMapping(path = "/organisation", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ImportService.ImportSummary organisation(@RequestParam("file") MultipartFile file) throws IOException {
        ImportRemit.Caller caller = allowed(ORGANISATION_IMPORTERS);
        try (ImportGate.Slot slot = gate.enter()) {
            return imports.importOrganisation(file.getOriginalFilename(), file.getBytes(), caller);
        }
    }

    @PostMapping(path = "/figures", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ImportService.ImportSummary figures(@RequestParam("file") MultipartFile file) throws IOException {
        ImportRemit.Caller caller = allowed(FIGURE_IMPORTERS);
        try (ImportGate.Slot slot = gate.enter()) {
            return imports.importFigures(file.getOriginalFilename(), file.getBytes(), caller);
        }
    }

    /** The KPI catalogue is the installation's: HR, the secretary-general or an administrator change it. */
    @PostMapping(path = "/kpi-catalogue", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ImportService.ImportSummary kpiCatalogue(@RequestParam("file") MultipartFile file) throws IOException {
        ImportRemit.Caller caller = allowed(METHOD_OWNERS);
        try (ImportGate.Slot slot = gate.enter()) {
            return imports.importKpiCatalogue(file.getOriginalFilename(), file.getBytes(), caller);
        }
    }

    /** Weight sets: HR or the secretary-general of the company, or an administrator. */
    @PostMapping(path = "/kpi-weights", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ImportService.ImportSummary kpiWeights(@RequestParam("file") MultipartFile file) throws IOException {
        ImportRemit.Caller caller = allowed(METHOD_OWNERS);
        try (ImportGate.Slot slot = gate.enter()) {
            return imports.importKpiWeights(file.getOriginalFilename(), file.getBytes(), caller);
        }
    }

    @GetMapping("/{kind}/template")
    ResponseEntity<byte[]> template(@PathVariable String kind) {
        byte[] xlsx = switch (kind) {
            case "organisation" -> ImportTemplates.organisation();
            case "figures" -> ImportTemplates.figures();
            case "kpi-catalogue" -> ImportTemplates.kpiCatalogue();
            case "kpi-weights" -> ImportTemplates.kpiWeights();
            default -> throw new UnknownImportException(kind);
        };
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + kind + "-template.xlsx\"")
                .body(xlsx);
    }

    private ImportRemit.Caller allowed(Set<String> groups) {
        CurrentUser user = CurrentUser.get().orElseThrow(() -> new ImportForbiddenException(groups));
        if (!user.isMemberOfAny(groups)) {
            throw new ImportForbiddenException(groups);
        }
        return new ImportRemit.Caller(user.userId(), Set.copyOf(user.groups()), companies.of(user));
    }

    static class ImportForbiddenException extends RuntimeException {
        ImportForbiddenException(Set<String> groups) {
            super("此导入需要以下用户组之一：" + new java.util.TreeSet<>(groups) + " / this import requires membership of one of "
                    + new java.util.TreeSet<>(groups) + ".");
        }
    }

    static class UnknownImportException extends RuntimeException {
        UnknownImportException(String kind) {
            super("没有这种导入 / no import called '" + kind + "': organisation, figures, kpi-catalogue or kpi-weights");
        }
    }
}
