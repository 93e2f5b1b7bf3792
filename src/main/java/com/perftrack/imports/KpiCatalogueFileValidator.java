package com.perftrack.imports;

import com.perftrack.kpi.Kpi;
import com.perftrack.kpi.KpiCatalog.CatalogueRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a KPI catalogue file (SPEC.md section 7:
 * {@code code,name_zh,name_en,unit,aggregation,direction,decimals,source_role}) against itself and the
 * stored catalogue; reports every bad line. New codes are added; a known code may change its names,
 * unit text, decimals and source role, but not the aggregation or direction once it has figures
 * (its stored results and scores would silently change meaning: create a new code instead).
 */
final class KpiCatalogueFileValidator {

    static final List<String> COLUMNS = List.of("code", "name_zh", "name_en", "unit", "aggregation", "direction",
            "decimals", "source_role");
    static final Set<String> AGGREGATIONS = Set.of("sum", "avg", "last");
    static final Set<String> DIRECTIONS = Set.of("higher", "lower");
    private static final Pattern CODE = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");
    private static final Pattern ROLE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern DECIMALS = Pattern.compile("[0-6]");

    private final Map<String, Kpi> stored;
    private final Set<String> withFigures;

    KpiCatalogueFileValidator(Map<String, Kpi> stored, Set<String> withFigures) {
        this.stored = stored;
        this.withFigures = withFigures;
    }

    List<CatalogueRow> validate(ImportTable table) {
        int[] index = Columns.indexes(table.header(), COLUMNS);
        List<LineError> errors = new ArrayList<>();
        List<CatalogueRow> rows = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        for (ImportTable.Line line : table.lines()) {
            int before = errors.size();
            if (!Columns.fullWidth(table, line, errors)) {
                continue;
            }
            String code = line.cell(index[0]);
            String nameZh = line.cell(index[1]);
            String nameEn = line.cell(index[2]);
            String unit = line.cell(index[3]);
            String aggregation = line.cell(index[4]);
            String direction = line.cell(index[5]);
            String decimals = line.cell(index[6]);
            String role = line.cell(index[7]);
            if (!CODE.matcher(code).matches()) {
                errors.add(new LineError(line.number(), "code", "KPI 代码必填，以字母开头，仅限字母、数字和 _（最长 64）/ code: a letter, "
                        + "then letters, digits or _ (max 64), got '" + code + "'"));
            } else if (firstLine.putIfAbsent(code, line.number()) != null) {
                errors.add(new LineError(line.number(), "code", "KPI " + code + " 在第 " + firstLine.get(code)
                        + " 行已出现 / KPI " + code + " appears twice (first on line " + firstLine.get(code) + ")"));
            }
            if (nameZh.isEmpty() || nameZh.length() > 200) {
                errors.add(new LineError(line.number(), "name_zh", "中文名称必填（最长 200）/ name_zh is required (max 200 characters)"));
            }
            if (nameEn.length() > 200) {
                errors.add(new LineError(line.number(), "name_en", "英文名称最长 200 / name_en: max 200 characters"));
            }
            if (unit.isEmpty() || unit.length() > 32) {
                errors.add(new LineError(line.number(), "unit", "单位必填（如 CNY、count、%、days，最长 32）/ unit is required "
                        + "(e.g. CNY, count, %, days; max 32)"));
            }
            if (!AGGREGATIONS.contains(aggregation)) {
                errors.add(new LineError(line.number(), "aggregation", "汇总方式应为 sum、avg 或 last / aggregation must be sum, "
                        + "avg or last, got '" + aggregation + "'"));
            }
            if (!DIRECTIONS.contains(direction)) {
                errors.add(new LineError(line.number(), "direction", "方向应为 higher（越高越好）或 lower（越低越好）/ direction "
                        + "must be higher or lower, got '" + direction + "'"));
            }
            if (!DECIMALS.matcher(decimals).matches()) {
                errors.add(new LineError(line.number(), "decimals", "小数位应为 0 到 6 的整数 / decimals must be a whole number "
                        + "from 0 to 6, got '" + decimals + "'"));
            }
            if (!ROLE.matcher(role).matches()) {
                errors.add(new LineError(line.number(), "source_role", "报送部门（用户组 ID，如 sales）必填，仅限小写字母、数字和 - / "
                        + "source_role: the reporting department's group id (e.g. sales), got '" + role + "'"));
            }
            Kpi known = stored.get(code);
            if (known != null && withFigures.contains(code)) {
                if (AGGREGATIONS.contains(aggregation) && !aggregation.equals(known.aggregation())) {
                    errors.add(new LineError(line.number(), "aggregation", "KPI " + code + " 已有数据，不能把汇总方式从 "
                            + known.aggregation() + " 改为 " + aggregation + "，请新建一个 KPI 代码 / " + code
                            + " already has figures: its aggregation stays " + known.aggregation()
                            + "; create a new code instead"));
                }
                if (DIRECTIONS.contains(direction) && !direction.equals(known.direction())) {
                    errors.add(new LineError(line.number(), "direction", "KPI " + code + " 已有数据，不能把方向从 "
                            + known.direction() + " 改为 " + direction + "，请新建一个 KPI 代码 / " + code
                            + " already has figures: its direction stays " + known.direction()
                            + "; create a new code instead"));
                }
            }
            if (errors.size() == before) {
                rows.add(new CatalogueRow(code, nameZh, nameEn.isEmpty() ? code : nameEn, unit, aggregation, direction,
                        Integer.parseInt(decimals), role));
            }
        }
        if (!errors.isEmpty()) {
            throw new ImportRejectedException(errors);
        }
        return rows;
    }
}
