package com.perftrack.imports;

import com.perftrack.kpi.KpiCatalog.WeightRow;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Checks a KPI weights file (SPEC.md section 7: {@code company_code,role,kpi_code,weight,valid_from});
 * reports every bad line. All lines of one company, role and valid_from form that role's weight set
 * from that quarter on; weights are non-negative and a set needs at least one above 0 (renormalised
 * over the KPIs with data, SPEC.md section 4, so only their ratios matter).
 */
final class KpiWeightFileValidator {

    static final List<String> COLUMNS = List.of("company_code", "role", "kpi_code", "weight", "valid_from");
    private static final Pattern ROLE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern QUARTER = Pattern.compile("\\d{4}-Q[1-4]");
    private static final Pattern NUMBER = Pattern.compile("\\d{1,8}(\\.\\d{1,4})?");

    private final Set<String> companies;
    private final Predicate<String> kpiExists;

    KpiWeightFileValidator(Set<String> companies, Predicate<String> kpiExists) {
        this.companies = companies;
        this.kpiExists = kpiExists;
    }

    List<WeightRow> validate(ImportTable table) {
        int[] index = Columns.indexes(table.header(), COLUMNS);
        List<LineError> errors = new ArrayList<>();
        List<WeightRow> rows = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        Map<String, Integer> setLine = new LinkedHashMap<>();
        Map<String, BigDecimal> setTotal = new HashMap<>();
        for (ImportTable.Line line : table.lines()) {
            int before = errors.size();
            if (!Columns.fullWidth(table, line, errors)) {
                continue;
            }
            String company = line.cell(index[0]);
            String role = line.cell(index[1]);
            String kpi = line.cell(index[2]);
            String weight = line.cell(index[3]);
            String validFrom = line.cell(index[4]);
            if (!companies.contains(company)) {
                errors.add(new LineError(line.number(), "company_code", "未知公司 '" + company
                        + "'（请先导入组织架构）/ unknown company (import the organisation first)"));
            }
            if (!ROLE.matcher(role).matches()) {
                errors.add(new LineError(line.number(), "role", "角色必填，仅限小写字母、数字和 -（如 employee）/ role: lower-case "
                        + "letters, digits, - (e.g. employee), got '" + role + "'"));
            }
            if (!kpiExists.test(kpi)) {
                errors.add(new LineError(line.number(), "kpi_code", "未知 KPI '" + kpi + "'（请先导入 KPI 目录）/ unknown KPI "
                        + "(add it to the KPI catalogue first)"));
            }
            if (!NUMBER.matcher(weight).matches()) {
                errors.add(new LineError(line.number(), "weight", "权重应为不小于 0 的数字（最多 4 位小数）/ weight must be a "
                        + "number of at least 0 (up to 4 decimals), got '" + weight + "'"));
            }
            if (!QUARTER.matcher(validFrom).matches()) {
                errors.add(new LineError(line.number(), "valid_from", "生效季度应为 YYYY-Qn（如 2026-Q3）/ valid_from must be "
                        + "a quarter YYYY-Qn, got '" + validFrom + "'"));
            }
            String set = company + '|' + role + '|' + validFrom;
            String key = set + '|' + kpi;
            if (errors.size() == before && firstLine.putIfAbsent(key, line.number()) != null) {
                errors.add(new LineError(line.number(), "kpi_code", "同一公司、角色、生效季度的 " + kpi + " 在第 "
                        + firstLine.get(key) + " 行已出现 / " + kpi + " appears twice in the set " + set.replace('|', ' ')
                        + " (first on line " + firstLine.get(key) + ")"));
            }
            if (errors.size() == before) {
                BigDecimal w = new BigDecimal(weight);
                setLine.putIfAbsent(set, line.number());
                setTotal.merge(set, w, BigDecimal::add);
                rows.add(new WeightRow(company, role, kpi, w, validFrom));
            }
        }
        setTotal.forEach((set, total) -> {
            if (total.signum() == 0) {
                errors.add(new LineError(setLine.get(set), "weight", "权重组 " + set.replace('|', ' ')
                        + " 的权重全为 0，至少一个须大于 0 / every weight of the set " + set.replace('|', ' ')
                        + " is 0: at least one must be above 0"));
            }
        });
        if (!errors.isEmpty()) {
            errors.sort(java.util.Comparator.comparingInt(LineError::line));
            throw new ImportRejectedException(errors);
        }
        return rows;
    }
}
