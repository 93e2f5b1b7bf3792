package com.perftrack.kpi;

import com.perftrack.calendar.Period;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Doubtful numbers in a valid figures file (异常值, issue 15): nothing is refused for them, each is a
 * warning for the department to verify before the meeting argues about it. The rules, per imported row:
 * <ol>
 * <li>an actual more than 3× or less than 1/3 of the median of the unit's actuals of the KPI in the six
 *     months before (months without an actual left out; no warning without any, or when the median is 0);</li>
 * <li>a target that differs by more than 50% from the unit's target of the month before (none when that
 *     target is missing or 0);</li>
 * <li>a target or actual above 1.0 of a percentage KPI (a share: 0.72 means 72%);</li>
 * <li>for a sum KPI, a unit whose own reported actual is below the sum of its direct children's actuals
 *     of that month.</li>
 * </ol>
 * The file's own rows win over stored ones of the same month, unit and KPI, as they will on import.
 */
public final class SuspiciousFigures {

    static final BigDecimal FACTOR = new BigDecimal(3);
    static final BigDecimal TARGET_CHANGE = new BigDecimal("0.5");
    private static final MathContext PRECISION = MathContext.DECIMAL64;

    /** A warning for the imported row at {@code index} of the file's rows. */
    public record Warning(int index, String field, String message) {}

    /** The stored figure of a month, unit and KPI, if any (the file's own rows are looked up first). */
    @FunctionalInterface
    public interface Stored {
        Optional<FigureView> figure(String period, String unitCode, String kpiCode);
    }

    private SuspiciousFigures() {
    }

    /**
     * @param rows        the file's rows, in order
     * @param kpis        the catalogue by code
     * @param childrenOf  a unit's direct children's codes
     * @param stored      the stored figures of earlier months and of children not in the file
     */
    public static List<Warning> check(List<FigureView> rows, Map<String, Kpi> kpis,
            Function<String, Collection<String>> childrenOf, Stored stored) {
        // the file's rows by month, then unit and KPI: one key per row, not one per lookup
        Map<String, Map<String, FigureView>> inFile = new HashMap<>();
        rows.forEach(r -> inFile.computeIfAbsent(r.period(), p -> new HashMap<>()).put(r.unitCode() + '|' + r.kpiCode(), r));
        Map<String, String[]> monthsBefore = new HashMap<>();
        List<Warning> warnings = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            FigureView row = rows.get(i);
            int index = i;
            Kpi kpi = kpis.get(row.kpiCode());
            if (kpi == null) {
                continue;
            }
            String unitKpi = row.unitCode() + '|' + row.kpiCode();
            // [0] the month before, ... [5] six months before
            String[] before = monthsBefore.computeIfAbsent(row.period(), p -> {
                Period month = Period.parse(p);
                String[] months = new String[6];
                for (int back = 1; back <= 6; back++) {
                    months[back - 1] = month.minusMonths(back).toString();
                }
                return months;
            });
            Stored figures = (period, unit, kpiCode) -> {
                Map<String, FigureView> month = inFile.get(period);
                boolean ownKey = unit.equals(row.unitCode()) && kpiCode.equals(row.kpiCode()); // its key is built once
                FigureView own = month == null ? null : month.get(ownKey ? unitKpi : unit + '|' + kpiCode);
                return own != null ? Optional.of(own) : stored.figure(period, unit, kpiCode);
            };
            String what = row.unitCode() + " " + row.kpiCode() + " " + row.period();
            if (row.actual() != null) {
                median(before, row, figures).ifPresent(median -> {
                    if (median.signum() > 0 && (row.actual().compareTo(median.multiply(FACTOR)) > 0
                            || row.actual().multiply(FACTOR).compareTo(median) < 0)) {
                        warnings.add(new Warning(index, "actual", what + "：实际值 " + plain(row.actual())
                                + " 与前 6 个月中位数 " + plain(median) + " 相差 3 倍以上，请核实 / the actual differs more than "
                                + "threefold from the median " + plain(median) + " of the 6 months before: please verify"));
                    }
                });
            }
            if (row.target() != null) {
                figures.figure(before[0], row.unitCode(), row.kpiCode()).map(FigureView::target)
                        .filter(previous -> previous.signum() != 0)
                        .ifPresent(previous -> {
                            BigDecimal change = row.target().subtract(previous).abs().divide(previous.abs(), PRECISION);
                            if (change.compareTo(TARGET_CHANGE) > 0) {
                                warnings.add(new Warning(index, "target", what + "：目标 " + plain(row.target())
                                        + " 比上月目标 " + plain(previous) + " 变化超过 50%，请核实 / the target changed by more "
                                        + "than 50% from last month's " + plain(previous) + ": please verify"));
                            }
                        });
            }
            if (kpi.percent()) {
                for (String field : List.of("target", "actual")) {
                    BigDecimal value = field.equals("target") ? row.target() : row.actual();
                    if (value != null && value.compareTo(BigDecimal.ONE) > 0) {
                        warnings.add(new Warning(index, field, what + "：百分比指标的" + (field.equals("target")
                                ? "目标" : "实际值") + " " + plain(value) + " 大于 1（应以小数填写，0.72 即 72%），请核实 / a share "
                                + "above 1.0 (write 0.72 for 72%): please verify"));
                    }
                }
            }
            if ("sum".equals(kpi.aggregation()) && row.actual() != null) {
                BigDecimal children = BigDecimal.ZERO;
                boolean any = false;
                for (String child : childrenOf.apply(row.unitCode())) {
                    Optional<BigDecimal> actual = figures.figure(row.period(), child, row.kpiCode()).map(FigureView::actual);
                    if (actual.isPresent()) {
                        children = children.add(actual.get());
                        any = true;
                    }
                }
                if (any && children.compareTo(row.actual()) > 0) {
                    warnings.add(new Warning(index, "actual", what + "：下级单位实际值合计 " + plain(children)
                            + " 超过本单位合计 " + plain(row.actual()) + "，请核实 / the units below report "
                            + plain(children) + " in total, more than this unit's own total: please verify"));
                }
            }
        }
        warnings.sort(java.util.Comparator.comparingInt(Warning::index));
        return warnings;
    }

    /** The median of the unit's actuals in the six months before (the months {@code before}); empty without any. */
    static Optional<BigDecimal> median(String[] before, FigureView row, Stored figures) {
        List<BigDecimal> actuals = new ArrayList<>(6);
        for (String month : before) {
            figures.figure(month, row.unitCode(), row.kpiCode()).map(FigureView::actual).ifPresent(actuals::add);
        }
        if (actuals.isEmpty()) {
            return Optional.empty();
        }
        actuals.sort(null);
        int n = actuals.size();
        return Optional.of(n % 2 == 1 ? actuals.get(n / 2)
                : actuals.get(n / 2 - 1).add(actuals.get(n / 2)).divide(new BigDecimal(2), PRECISION));
    }

    private static String plain(BigDecimal value) {
        return KpiResultView.plain(value).toPlainString();
    }
}
