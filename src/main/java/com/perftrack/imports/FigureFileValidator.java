package com.perftrack.imports;

import com.perftrack.calendar.Period;
import com.perftrack.kpi.FigureView;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Checks a figures file (SPEC.md section 4: {@code period,unit_type,unit_code,kpi_code,target,actual})
 * line by line and reports every bad line, not only the first.
 */
final class FigureFileValidator {

    static final List<String> COLUMNS = List.of("period", "unit_type", "unit_code", "kpi_code", "target", "actual");
    static final Set<String> UNIT_TYPES = Set.of("company", "department", "region", "person");
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern NON_FINITE = Pattern.compile("(?i)[+-]?(nan|inf|infinity|∞)");
    private static final Pattern GROUPED = Pattern.compile("[+-]?\\d{1,3}([, \u00a0']\\d{3})+(\\.\\d+)?");
    /** numeric(20, 6) holds 14 digits before the point. */
    private static final BigDecimal LIMIT = new BigDecimal("1e14");
    /** Column figure.target/actual is numeric(20, 6): six decimal places, fourteen digits before the point. */
    static final int MAX_SCALE = 6;
    /** Longer text is no number a person would type; BigDecimal need not parse megabytes of digits. */
    static final int MAX_NUMBER_LENGTH = 40;
    static final String FIRST_PERIOD = "1970-01";
    static final String LAST_PERIOD = "2099-12";

    private final Map<String, String> unitTypeByCode;
    private final Predicate<String> kpiExists;

    FigureFileValidator(Map<String, String> unitTypeByCode, Predicate<String> kpiExists) {
        this.unitTypeByCode = unitTypeByCode;
        this.kpiExists = kpiExists;
    }

    List<FigureView> validate(ImportTable table) {
        int[] index = Columns.indexes(table.header(), COLUMNS);
        List<LineError> errors = new ArrayList<>();
        List<FigureView> rows = new ArrayList<>();
        for (ImportTable.Line line : table.lines()) {
            int before = errors.size();
            if (line.cells().size() < table.header().size()) {
                errors.add(new LineError(line.number(), table.header().get(line.cells().size()),
                        "缺少列：该行只有 " + line.cells().size() + " 列，应为 " + table.header().size()
                                + " 列 / missing column: " + line.cells().size() + " of " + table.header().size() + " values"));
                continue;
            }
            if (line.cells().size() > table.header().size()) {
                errors.add(new LineError(line.number(), null, "多余的列：该行有 " + line.cells().size() + " 列 / "
                        + line.cells().size() + " values, header has " + table.header().size()
                        + " (a thousands separator or a comma inside a number?)"));
                continue;
            }
            String period = line.cell(index[0]);
            String unitType = line.cell(index[1]);
            String unitCode = line.cell(index[2]);
            String kpiCode = line.cell(index[3]);
            if (!Period.isValid(period)) {
                errors.add(new LineError(line.number(), "period", "期间应为 YYYY-MM 且月份有效 / period must be YYYY-MM with a real month, got '" + period + "'"));
            } else if (period.compareTo(FIRST_PERIOD) < 0 || period.compareTo(LAST_PERIOD) > 0) {
                errors.add(new LineError(line.number(), "period", "期间须在 " + FIRST_PERIOD + " 至 " + LAST_PERIOD
                        + " 之间 / period must lie between " + FIRST_PERIOD + " and " + LAST_PERIOD + ", got '" + period + "'"));
            }
            if (!UNIT_TYPES.contains(unitType)) {
                errors.add(new LineError(line.number(), "unit_type", "未知单位类型 '" + unitType
                        + "'，应为 company/department/region/person / unknown unit type"));
            } else if (unitCode.isEmpty() || !unitTypeByCode.containsKey(unitCode)) {
                errors.add(new LineError(line.number(), "unit_code", "未知单位 '" + unitCode
                        + "'（请先导入组织架构）/ unknown unit: import the organisation first"));
            } else if (!unitTypeByCode.get(unitCode).equals(unitType)) {
                errors.add(new LineError(line.number(), "unit_type", "单位 " + unitCode + " 是 "
                        + unitTypeByCode.get(unitCode) + "，不是 " + unitType + " / unit is a " + unitTypeByCode.get(unitCode)));
            }
            if (!kpiExists.test(kpiCode)) {
                errors.add(new LineError(line.number(), "kpi_code", "未知 KPI 代码 '" + kpiCode + "' / unknown KPI code"));
            }
            BigDecimal target = number(line.cell(index[4]), "target", line.number(), errors);
            BigDecimal actual = number(line.cell(index[5]), "actual", line.number(), errors);
            if (errors.size() == before) {
                rows.add(new FigureView(period, unitType, unitCode, kpiCode, target, actual));
            }
        }
        if (!errors.isEmpty()) {
            throw new ImportRejectedException(errors);
        }
        return rows;
    }

    /** Empty = not reported (null). */
    static BigDecimal number(String text, String field, int line, List<LineError> errors) {
        if (text.isEmpty()) {
            return null;
        }
        String problem = null;
        if (NON_FINITE.matcher(text).matches()) {
            problem = "不是有限数值 / not a finite number: '" + text + "'";
        } else if (GROUPED.matcher(text).matches() || text.contains(",")) {
            problem = "请勿使用千位分隔符，小数点用 '.' / no thousands separators, '.' as decimal point: '" + text + "'";
        } else if (text.endsWith("%")) {
            problem = "百分比请写成小数（72% 写 0.72）/ percentages are fractions: write 0.72 for 72%";
        } else if (text.length() > MAX_NUMBER_LENGTH || !NUMBER.matcher(text).matches()) {
            problem = "不是数值 / not a number: '" + abbreviated(text) + "'";
        } else {
            BigDecimal value;
            try {
                value = new BigDecimal(text);
            } catch (NumberFormatException | ArithmeticException e) {
                value = null; // e.g. an exponent beyond what BigDecimal holds: 1e2147483648
            }
            if (value == null || value.abs().compareTo(LIMIT) >= 0) {
                problem = "数值超出范围（绝对值须小于 1e14）/ out of range: '" + abbreviated(text) + "'";
            } else if (value.stripTrailingZeros().scale() > MAX_SCALE) {
                problem = "小数最多 " + MAX_SCALE + " 位 / at most " + MAX_SCALE + " decimal places: '" + text + "'";
            } else {
                return value;
            }
        }
        errors.add(new LineError(line, field, problem));
        return null;
    }

    private static String abbreviated(String text) {
        return text.length() <= MAX_NUMBER_LENGTH ? text : text.substring(0, MAX_NUMBER_LENGTH) + "…";
    }
}
