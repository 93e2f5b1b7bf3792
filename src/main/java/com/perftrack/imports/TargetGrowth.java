package com.perftrack.imports;

import com.perftrack.kpi.FigureService;
import com.perftrack.kpi.FigureView;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * Targets given as growth over a base period (the seed's 每月销售额增长10%): a figures row with
 * {@code target_growth} (a fraction, 0.10 = +10%) and an empty {@code target} gets
 * target = base actual × (1 + growth), rounded half up to the KPI's decimals in the catalogue.
 * The base actual is the same unit's and KPI's actual in the base period: from the file itself
 * when the file has that row (it replaces the stored one on import), else the stored figure.
 * A row without a base actual is a bad line; the stored target is the resulting number.
 */
final class TargetGrowth {

    /** Growth beyond +1000% is taken for a percentage typed as a number (10 for 10%). */
    static final BigDecimal MAX_GROWTH = BigDecimal.TEN;
    /** numeric(20, 6) of figure.target, as {@link FigureFileValidator} checks it for typed targets. */
    private static final BigDecimal LIMIT = new BigDecimal("1e14");

    /** Column {@code growth_base}: empty means the previous month. */
    enum Base {
        PREVIOUS_MONTH("previous_month", "上月", "the previous month"),
        SAME_MONTH_LAST_YEAR("same_month_last_year", "去年同月", "the same month last year");

        final String code;
        final String zh;
        final String en;

        Base(String code, String zh, String en) {
            this.code = code;
            this.zh = zh;
            this.en = en;
        }

        static Optional<Base> of(String text) {
            if (text == null || text.isEmpty()) {
                return Optional.of(PREVIOUS_MONTH);
            }
            for (Base base : values()) {
                if (base.code.equals(text)) {
                    return Optional.of(base);
                }
            }
            return Optional.empty();
        }

        String period(String period) {
            YearMonth month = YearMonth.parse(period);
            return (this == PREVIOUS_MONTH ? month.minusMonths(1) : month.minusYears(1)).toString();
        }
    }

    /** Row {@code index} of the validated rows (file line {@code line}) asks for its target as growth. */
    record Request(int index, int line, BigDecimal growth, Base base) {
    }

    /** The stored actual of a unit and KPI in a month; empty when there is no stored figure or no actual. */
    @FunctionalInterface
    interface StoredActuals {
        Optional<BigDecimal> actual(String period, String unitType, String unitCode, String kpiCode);
    }

    private TargetGrowth() {
    }

    /** Stored actuals of base months, each month read once (only when a file gives growth). */
    static StoredActuals stored(FigureService figures) {
        Map<String, Map<String, BigDecimal>> byPeriod = new HashMap<>();
        return (period, unitType, unitCode, kpiCode) -> Optional.ofNullable(byPeriod.computeIfAbsent(period, p -> {
            Map<String, BigDecimal> actuals = new HashMap<>();
            figures.figures(p, null, null).stream().filter(f -> f.actual() != null)
                    .forEach(f -> actuals.put(key(p, f.unitType(), f.unitCode(), f.kpiCode()), f.actual()));
            return actuals;
        }).get(key(period, unitType, unitCode, kpiCode)));
    }

    /**
     * The rows with every requested target filled in, or every line without a base actual (or with
     * a target out of range) reported at once.
     */
    static List<FigureView> apply(List<FigureView> rows, List<Request> requests, StoredActuals stored,
            ToIntFunction<String> scaleOfKpi) {
        if (requests.isEmpty()) {
            return rows;
        }
        // the last row of a key wins on import, so it is the one whose actual will be stored
        Map<String, FigureView> inFile = new HashMap<>();
        rows.forEach(r -> inFile.put(key(r.period(), r.unitType(), r.unitCode(), r.kpiCode()), r));
        List<FigureView> result = new ArrayList<>(rows);
        List<LineError> errors = new ArrayList<>();
        for (Request request : requests) {
            FigureView row = rows.get(request.index());
            String basePeriod = request.base().period(row.period());
            FigureView fileBase = inFile.get(key(basePeriod, row.unitType(), row.unitCode(), row.kpiCode()));
            Optional<BigDecimal> base = fileBase != null ? Optional.ofNullable(fileBase.actual())
                    : stored.actual(basePeriod, row.unitType(), row.unitCode(), row.kpiCode());
            if (base.isEmpty()) {
                errors.add(new LineError(request.line(), "target_growth", "缺少基期实际值：" + row.unitType() + " "
                        + row.unitCode() + " 的 " + row.kpiCode() + " 在 " + basePeriod + "（" + request.base().zh
                        + "）没有实际值，无法按增长率计算目标 / no base actual: " + row.kpiCode() + " of " + row.unitType()
                        + " " + row.unitCode() + " has no actual in " + basePeriod + " (" + request.base().en
                        + "), in this file or stored; give the target as a number or import that actual"));
                continue;
            }
            BigDecimal target = target(base.get(), request.growth(), scaleOfKpi.applyAsInt(row.kpiCode()));
            if (target.abs().compareTo(LIMIT) >= 0) {
                errors.add(new LineError(request.line(), "target_growth", "计算出的目标 " + target.toPlainString()
                        + " 超出范围（绝对值须小于 1e14）/ the computed target is out of range"));
                continue;
            }
            result.set(request.index(), new FigureView(row.period(), row.unitType(), row.unitCode(), row.kpiCode(),
                    target, row.actual()));
        }
        if (!errors.isEmpty()) {
            throw new ImportRejectedException(errors);
        }
        return result;
    }

    /** base × (1 + growth), half up to {@code scale} decimal places. */
    static BigDecimal target(BigDecimal base, BigDecimal growth, int scale) {
        return base.multiply(BigDecimal.ONE.add(growth)).setScale(scale, RoundingMode.HALF_UP);
    }

    private static String key(String period, String unitType, String unitCode, String kpiCode) {
        return period + '|' + unitType + '|' + unitCode + '|' + kpiCode;
    }
}
