package com.perftrack.imports;

import com.perftrack.calendar.Period;
import com.perftrack.kpi.FigurePart;
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
 * line by line and reports every bad line, not only the first. Optional columns
 * {@code target_growth} and {@code growth_base} give a target as growth over a base period
 * ({@link TargetGrowth}); the target is then computed after validation. A {@code period} {@code YYYY-MM-DD}
 * or a value in the optional columns {@code product}, {@code channel}, {@code customer} makes the row a
 * part of its unit's monthly figure (SPEC.md section 7).
 */
final class FigureFileValidator {

    static final List<String> COLUMNS = List.of("period", "unit_type", "unit_code", "kpi_code", "target", "actual");
    /** Optional, in any position: a target as growth (issue 14). */
    static final List<String> GROWTH_COLUMNS = List.of("target_growth", "growth_base");
    /** Optional, in any position: a row with a value here is a part of its unit's figure (SPEC.md section 7). */
    static final List<String> DIMENSION_COLUMNS = List.of("product", "channel", "customer");
    /** The optional columns in the order {@link Columns#indexes} answers them. */
    static final List<String> OPTIONAL_COLUMNS = java.util.stream.Stream.concat(GROWTH_COLUMNS.stream(),
            DIMENSION_COLUMNS.stream()).toList();
    /** Column figure_part.product/channel/customer is varchar(100). */
    static final int MAX_DIMENSION_LENGTH = 100;
    static final Set<String> UNIT_TYPES = Set.of("company", "department", "region", "person");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
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

    /**
     * The validated monthly total rows, in file order, with their line numbers; the rows whose target is
     * still to be computed from growth; the parts (a day {@code YYYY-MM-DD} and/or a product, channel or
     * customer) with their line numbers.
     */
    record Parsed(List<FigureView> rows, List<Integer> rowLines, List<TargetGrowth.Request> growth,
            List<FigurePart> parts, List<Integer> partLines) {
    }

    /** The rows of a file without growth columns (a growth row's target is still null here: use {@link #parse}). */
    List<FigureView> validate(ImportTable table) {
        return parse(table).rows();
    }

    Parsed parse(ImportTable table) {
        int[] index = Columns.indexes(table.header(), COLUMNS, OPTIONAL_COLUMNS);
        List<LineError> errors = new ArrayList<>();
        List<FigureView> rows = new ArrayList<>();
        List<Integer> rowLines = new ArrayList<>();
        List<TargetGrowth.Request> growth = new ArrayList<>();
        List<FigurePart> parts = new ArrayList<>();
        List<Integer> partLines = new ArrayList<>();
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
            int day = 0;
            if (DAY.matcher(period).matches()) {
                // a day's figure (SPEC.md section 7): a part of its month's figure
                try {
                    day = java.time.LocalDate.parse(period).getDayOfMonth();
                    period = period.substring(0, 7);
                } catch (java.time.format.DateTimeParseException e) {
                    errors.add(new LineError(line.number(), "period", "日期无效 / not a real day: '" + period + "'"));
                    period = null;
                }
            }
            if (period == null) {
                // named above
            } else if (!Period.isValid(period)) {
                errors.add(new LineError(line.number(), "period", "期间应为 YYYY-MM（月）或 YYYY-MM-DD（日）且日期有效 / "
                        + "period must be YYYY-MM or YYYY-MM-DD with a real month, got '" + period + "'"));
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
            String[] dimensions = new String[DIMENSION_COLUMNS.size()];
            for (int d = 0; d < dimensions.length; d++) {
                int column = index[COLUMNS.size() + GROWTH_COLUMNS.size() + d];
                dimensions[d] = column < 0 ? "" : line.cell(column);
                if (dimensions[d].length() > MAX_DIMENSION_LENGTH) {
                    errors.add(new LineError(line.number(), DIMENSION_COLUMNS.get(d), "最多 " + MAX_DIMENSION_LENGTH
                            + " 个字符 / at most " + MAX_DIMENSION_LENGTH + " characters"));
                }
            }
            boolean part = day > 0 || java.util.Arrays.stream(dimensions).anyMatch(d -> !d.isEmpty());
            TargetGrowth.Request request = growth(line, index[6], index[7], rows.size(), target != null, errors);
            if (part && request != null) {
                errors.add(new LineError(line.number(), "target_growth", "按增长率给目标只适用于月度合计行（无日期、产品、渠道、客户）/ "
                        + "a target as growth is for a month's total row only, not for a day's or a product's part"));
            }
            if (errors.size() == before) {
                if (part) {
                    parts.add(new FigurePart(period, day, unitType, unitCode, kpiCode, dimensions[0], dimensions[1],
                            dimensions[2], target, actual));
                    partLines.add(line.number());
                    continue;
                }
                if (request != null) {
                    growth.add(request);
                }
                rows.add(new FigureView(period, unitType, unitCode, kpiCode, target, actual));
                rowLines.add(line.number());
            }
        }
        if (!errors.isEmpty()) {
            throw new ImportRejectedException(errors);
        }
        return new Parsed(rows, rowLines, growth, parts, partLines);
    }

    /**
     * The line's growth request, or null. Both a target and a growth are refused as ambiguous (which
     * one did the writer mean?); so is a base without a growth.
     */
    private static TargetGrowth.Request growth(ImportTable.Line line, int growthColumn, int baseColumn, int rowIndex,
            boolean hasTarget, List<LineError> errors) {
        String growthText = growthColumn < 0 ? "" : line.cell(growthColumn);
        String baseText = baseColumn < 0 ? "" : line.cell(baseColumn);
        if (growthText.isEmpty()) {
            if (!baseText.isEmpty()) {
                errors.add(new LineError(line.number(), "growth_base", "填写了 growth_base 但没有 target_growth / "
                        + "growth_base is only used with target_growth"));
            }
            return null;
        }
        int before = errors.size();
        BigDecimal growth = number(growthText, "target_growth", line.number(), errors);
        if (growth != null && (growth.compareTo(BigDecimal.ONE.negate()) <= 0 || growth.compareTo(TargetGrowth.MAX_GROWTH) > 0)) {
            errors.add(new LineError(line.number(), "target_growth", "增长率须大于 -1 且不超过 10，用小数表示（增长10%写 0.10）"
                    + " / growth is a fraction above -1 and at most 10: write 0.10 for +10%, got '" + growthText + "'"));
        }
        if (hasTarget) {
            errors.add(new LineError(line.number(), "target_growth", "target 与 target_growth 只能填一个 / "
                    + "give either target or target_growth, not both"));
        }
        var base = TargetGrowth.Base.of(baseText);
        if (base.isEmpty()) {
            errors.add(new LineError(line.number(), "growth_base", "未知基期 '" + baseText
                    + "'，应为 previous_month（上月，默认）或 same_month_last_year（去年同月）/ unknown growth base"));
        }
        return errors.size() == before ? new TargetGrowth.Request(rowIndex, line.number(), growth, base.get()) : null;
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
