package com.perftrack.kpi;

import com.perftrack.calendar.BusinessCalendar;
import com.perftrack.calendar.Quarter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import com.perftrack.security.CompanyAccess;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/kpi-catalogue} and {@code GET /api/kpi-weights?companyCode=&quarter=} (SPEC.md
 * section 7). The catalogue is the installation's, for every signed-in user; a company's weights are
 * for its members.
 */
@RestController
class KpiCatalogueController {

    /** A catalogue entry as the API shows it (the columns of the catalogue file). */
    record CatalogueView(String code, String nameZh, String nameEn, String unit, String aggregation, String direction,
            int decimals, String sourceRole) {}

    /** One weight of a set: {@code validFrom} null and source {@code default} for the built-in weights. */
    record WeightView(String companyCode, String role, String kpiCode, BigDecimal weight, String validFrom,
            String source) {}

    private final KpiCatalog catalog;
    private final CompanyAccess companies;
    private final String defaultCompany;
    private final BusinessCalendar calendar;

    KpiCatalogueController(KpiCatalog catalog, CompanyAccess companies, BusinessCalendar calendar,
            @Value("${ptc.company.code:DEMO}") String defaultCompany) {
        this.calendar = calendar;
        this.catalog = catalog;
        this.companies = companies;
        this.defaultCompany = defaultCompany;
    }

    /** The catalogue as a catalogue file (CSV, UTF-8): download, edit, import again. */
    @GetMapping("/api/kpi-catalogue/export")
    ResponseEntity<byte[]> exportCatalogue() throws IOException {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            csv.printRecord("code", "name_zh", "name_en", "unit", "aggregation", "direction", "decimals", "source_role");
            for (CatalogueView k : catalogue()) {
                csv.printRecord(k.code(), k.nameZh(), k.nameEn(), k.unit(), k.aggregation(), k.direction(), k.decimals(),
                        k.sourceRole());
            }
        }
        return csv("kpi-catalogue.csv", out);
    }

    /**
     * A company's weight sets as a weights file. A company without sets of its own gets the built-in
     * defaults from the current quarter on, so the file imports as it is.
     */
    @GetMapping("/api/kpi-weights/export")
    ResponseEntity<byte[]> exportWeights(@RequestParam(required = false) String companyCode) throws IOException {
        List<WeightView> rows = weights(companyCode, null);
        boolean imported = rows.stream().anyMatch(r -> KpiCatalog.IMPORTED.equals(r.source()));
        String current = calendar.currentPeriod().quarter().toString();
        StringBuilder out = new StringBuilder();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            csv.printRecord("company_code", "role", "kpi_code", "weight", "valid_from");
            for (WeightView w : rows) {
                if (imported == KpiCatalog.IMPORTED.equals(w.source())) {
                    csv.printRecord(w.companyCode(), w.role(), w.kpiCode(), w.weight().toPlainString(),
                            w.validFrom() == null ? current : w.validFrom());
                }
            }
        }
        return csv("kpi-weights.csv", out);
    }

    private static ResponseEntity<byte[]> csv(String fileName, StringBuilder content) {
        // a byte order mark, so that Excel opens the Chinese names as UTF-8
        byte[] body = ("\uFEFF" + content).getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"").body(body);
    }

    @GetMapping("/api/kpi-catalogue")
    List<CatalogueView> catalogue() {
        return catalog.all().stream().map(k -> new CatalogueView(k.code(), k.nameZh(), k.nameEn(), k.unit(),
                k.aggregation(), k.direction(), k.decimals(), k.sourceDepartment())).toList();
    }

    /**
     * With {@code quarter}: the set each role is weighted with in that quarter (a role without a set of
     * its own is weighted like {@code employee}). Without: every set of the company, oldest first, and
     * the built-in defaults.
     */
    @GetMapping("/api/kpi-weights")
    List<WeightView> weights(@RequestParam(required = false) String companyCode,
            @RequestParam(required = false) String quarter) {
        String company = companyCode == null || companyCode.isBlank() ? defaultCompany : companyCode;
        if (!companies.current().includes(company)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "您不属于公司 " + company + "，不能查看其权重 / you are not "
                    + "a member of company " + company);
        }
        List<KpiCatalog.WeightSet> sets = new ArrayList<>();
        if (quarter == null || quarter.isBlank()) {
            sets.addAll(catalog.weightSets(company));
        } else {
            Quarter q = Quarter.parse(quarter);
            for (String role : catalog.weightedRoles(company)) {
                KpiCatalog.WeightSet set = catalog.weights(company, role, q);
                if (set.role().equals(role)) { // a role that falls back to employee's set is listed once, as employee
                    sets.add(set);
                }
            }
        }
        List<WeightView> rows = new ArrayList<>();
        for (KpiCatalog.WeightSet set : sets) {
            for (Map.Entry<String, BigDecimal> w : set.weights().entrySet()) {
                rows.add(new WeightView(set.companyCode(), set.role(), w.getKey(), KpiResultView.plain(w.getValue()),
                        set.validFrom(), set.source()));
            }
        }
        return rows;
    }
}
