package com.perftrack.sales;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ptc.sales.monthly-report.companies}: the companies whose sales persons must file the monthly report
 * before their sales department's collection task completes; {@code *} (the default) means every company.
 * An installation that does not want the report lists none but a code it does not use (e.g. {@code NONE}).
 */
@ConfigurationProperties("ptc.sales.monthly-report")
public record SalespersonReportSettings(List<String> companies) {

    public SalespersonReportSettings {
        companies = companies == null || companies.isEmpty() ? List.of("*") : List.copyOf(companies);
    }

    boolean requiredFor(String companyCode) {
        return companies.contains("*") || companies.contains(companyCode);
    }
}
