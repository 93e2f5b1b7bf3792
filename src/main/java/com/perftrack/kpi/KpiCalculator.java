package com.perftrack.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The KPI formulas of SPEC.md section 2 step 3 as plain Java (no engine, no database).
 *
 * <ul>
 * <li>deviation = actual − target; deviation % = deviation / |target| (null for a zero target);</li>
 * <li>attainment = actual / target, or target / actual for lower-is-better KPIs (an actual of 0 on
 * a lower-is-better KPI cannot be beaten and gets the cap, or 1.0 when its target was 0 too),
 * capped at {@code cap};</li>
 * <li>MoM / YoY growth = (actual − earlier actual) / |earlier actual|, null when the earlier
 * actual is missing or zero;</li>
 * <li>roll-up: a company, department or region without a figure row of its own for a KPI gets the
 * aggregate of its people's figures (sum; avg for avg KPIs; {@code last} sums, as it is a stock at
 * month end), counting only people who reported both target and actual;</li>
 * <li>rank: descending attainment within company, unit type, KPI (and role, for people); equal
 * attainments share a rank (1, 2, 2, 4); no attainment, no rank;</li>
 * <li>data gaps: a figure row without target or actual, and a KPI weighted for a person's role
 * for which a person who reported anything this month reported nothing.</li>
 * </ul>
 * Ratios are rounded half-up to 6 decimals; stored numbers have 6 decimals.
 */
final class KpiCalculator {

    static final int SCALE = 6;
    private static final int WORK_SCALE = 12;

    /** A unit of the organisation as the calculation needs it. */
    public record Unit(String code, String type, String parentCode, String companyCode, String role) {}

    public record KpiDef(String code, boolean lowerIsBetter, String aggregation) {}

    /** One raw figure of the figures table. */
    public record Figure(String unitType, String unitCode, String kpiCode, BigDecimal target, BigDecimal actual) {}

    public record Result(String unitType, String unitCode, String kpiCode, String companyCode, BigDecimal target,
            BigDecimal actual, BigDecimal deviation, BigDecimal deviationPct, BigDecimal attainment,
            BigDecimal momGrowth, BigDecimal yoyGrowth, String status, Integer rank, boolean rolledUp) {}

    public record Gap(String unitType, String unitCode, String kpiCode, String companyCode, String missing) {}

    /** The gap of a higher-is-better figure whose target is 0: reported, but no attainment can be computed. */
    public static final String TARGET_ZERO = "target 0";

    /** Where a month's figure rows come from: a list in tests, a streamed query in production. */
    @FunctionalInterface
    public interface FigureSource {
        void forEach(Consumer<? super Figure> sink);
    }

    /**
     * A month's results, kept as arrays per (unit, KPI) cell and turned into {@link Result} rows
     * one at a time ({@link #forEachResult}): 1.2 million results (100,000 people × 12 KPIs) never
     * exist as objects at once. {@link #results()} materialises them (tests, H2).
     */
    public final class Calculation {
        private final Month now;
        private final Month mom;
        private final Month yoy;
        private final BigDecimal[] attainment;
        private final int[] rank;
        private final int size;
        private final List<Gap> gaps;

        private Calculation(Month now, Month mom, Month yoy, BigDecimal[] attainment, int[] rank, int size, List<Gap> gaps) {
            this.now = now;
            this.mom = mom;
            this.yoy = yoy;
            this.attainment = attainment;
            this.rank = rank;
            this.size = size;
            this.gaps = gaps;
        }

        public int size() {
            return size;
        }

        public List<Gap> gaps() {
            return gaps;
        }

        /** The results ordered by unit type, unit code, KPI code. */
        public void forEachResult(Consumer<Result> sink) {
            forEachCell((cell, r) -> sink.accept(r));
        }

        /** Number of (unit, KPI) cells; every result has one, see {@link #cellOf}. */
        public int cells() {
            return now.has.length;
        }

        /** The cell of a unit and KPI, or -1 when the unit (of that type) or KPI is unknown. */
        public int cellOf(String unitType, String unitCode, String kpiCode) {
            Integer u = now.index.unitByCode.get(unitCode);
            Integer j = now.index.kpiByCode.get(kpiCode);
            return u == null || j == null || !now.index.units[u].type().equals(unitType) ? -1 : u * now.index.kpis.length + j;
        }

        /** unit type, unit code and KPI code of a cell. */
        public String[] keyOf(int cell) {
            int k = now.index.kpis.length;
            Unit unit = now.index.units[cell / k];
            return new String[] {unit.type(), unit.code(), now.index.kpis[cell % k].code()};
        }

        /** The results with their cells, ordered by unit type, unit code, KPI code. */
        public void forEachCell(CellSink sink) {
            Index ix = now.index;
            int k = ix.kpis.length;
            for (int u : ix.order) {
                Unit unit = ix.units[u];
                for (int j : ix.kpiOrder) {
                    int cell = u * k + j;
                    if (now.has[cell] == NONE) {
                        continue;
                    }
                    BigDecimal target = round(now.target.get(cell));
                    BigDecimal actual = round(now.actual.get(cell));
                    BigDecimal deviation = target != null && actual != null ? actual.subtract(target) : null;
                    BigDecimal deviationPct = deviation != null ? ratio(deviation, target.abs()) : null;
                    BigDecimal att = attainment[cell];
                    sink.accept(cell, new Result(unit.type(), unit.code(), ix.kpis[j].code(), unit.companyCode(), target, actual,
                            deviation, deviationPct, att, growth(actual, round(mom.actualAt(cell))),
                            growth(actual, round(yoy.actualAt(cell))), att == null ? null : status.apply(att),
                            rank[cell] == 0 ? null : rank[cell], now.has[cell] == ROLLED_UP));
                }
            }
        }

        public List<Result> results() {
            List<Result> list = new ArrayList<>(size);
            forEachResult(list::add);
            return list;
        }
    }

    @FunctionalInterface
    public interface CellSink {
        void accept(int cell, Result result);
    }

    /** Target and actual a unit has for a KPI, its own or rolled up from its people. */
    record Effective(BigDecimal target, BigDecimal actual, boolean rolledUp) {}

    private static final byte NONE = 0;
    private static final byte OWN = 1;
    private static final byte ROLLED_UP = 2;

    private final BigDecimal cap;
    private final Function<BigDecimal, String> status;

    public KpiCalculator(BigDecimal cap, Function<BigDecimal, String> status) {
        this.cap = cap;
        this.status = status;
    }

    /**
     * @param weightedKpis KPI codes weighted per person role ({@code employee} is the fallback), for every company
     */
    public Calculation calculate(Collection<Unit> units, Collection<KpiDef> kpis, Map<String, Set<String>> weightedKpis,
            Collection<Figure> current, Collection<Figure> previousMonth, Collection<Figure> sameMonthLastYear) {
        return calculate(units, kpis, KpiCatalog.WeightedKpis.byRole(weightedKpis), current::forEach,
                previousMonth::forEach, sameMonthLastYear::forEach);
    }

    /** The same with one weighted-KPI set for every company, by role. */
    public Calculation calculate(Collection<Unit> units, Collection<KpiDef> kpis, Map<String, Set<String>> weightedKpis,
            FigureSource current, FigureSource previousMonth, FigureSource sameMonthLastYear) {
        return calculate(units, kpis, KpiCatalog.WeightedKpis.byRole(weightedKpis), current, previousMonth,
                sameMonthLastYear);
    }

    /**
     * The same from streamed figure rows. Of the earlier months only the actual is kept, and
     * whether a target exists (a person's pair counts for roll-ups only when complete): a source may
     * pass any non-null target, e.g. {@link BigDecimal#ZERO}, for "reported".
     */
    public Calculation calculate(Collection<Unit> units, Collection<KpiDef> kpis, KpiCatalog.WeightedKpis weightedKpis,
            FigureSource current, FigureSource previousMonth, FigureSource sameMonthLastYear) {
        Index ix = new Index(units, kpis);
        Month now = new Month(ix, true);
        current.forEach(now::add);
        now.rollUp();
        Month mom = new Month(ix, false);
        previousMonth.forEach(mom::add);
        mom.rollUp();
        Month yoy = new Month(ix, false);
        sameMonthLastYear.forEach(yoy::add);
        yoy.rollUp();

        int cells = now.has.length;
        BigDecimal[] attainment = new BigDecimal[cells];
        int size = 0;
        for (int cell = 0; cell < cells; cell++) {
            if (now.has[cell] != NONE) {
                size++;
                attainment[cell] = attainment(ix.kpis[cell % ix.kpis.length].lowerIsBetter(), round(now.target.get(cell)),
                        round(now.actual.get(cell)));
            }
        }
        return new Calculation(now, mom, yoy, attainment, ranks(ix, attainment), size, gaps(ix, now, weightedKpis));
    }

    BigDecimal attainment(boolean lowerIsBetter, BigDecimal target, BigDecimal actual) {
        if (target == null || actual == null) {
            return null;
        }
        BigDecimal raw;
        if (lowerIsBetter) {
            // SPEC.md section 6: an actual of 0 is the cap when a target above 0 was set, and exactly on
            // target (1.0) when the target was 0 too — the same rule as the quarterly scores
            raw = actual.signum() == 0 ? (target.signum() > 0 ? cap : BigDecimal.ONE) : ratio(target, actual);
        } else {
            raw = ratio(actual, target);
        }
        return raw == null ? null : raw.min(cap).setScale(SCALE, RoundingMode.HALF_UP);
    }

    static BigDecimal growth(BigDecimal actual, BigDecimal earlier) {
        if (actual == null || earlier == null) {
            return null;
        }
        return ratio(actual.subtract(earlier), earlier.abs());
    }

    /** numerator / denominator to 6 decimals, null for a zero denominator. */
    static BigDecimal ratio(BigDecimal numerator, BigDecimal denominator) {
        if (denominator.signum() == 0) {
            return null;
        }
        return numerator.divide(denominator, SCALE, RoundingMode.HALF_UP);
    }

    private static BigDecimal round(BigDecimal value) {
        return value == null ? null : value.setScale(SCALE, RoundingMode.HALF_UP);
    }

    /**
     * Rank per cell (0 = none): descending attainment within company, unit type, KPI and (for
     * people) role. The groups are found by counting sort over an int group id per cell (one id per
     * distinct company/type/role, computed once per unit), not by hashing result rows.
     */
    private static int[] ranks(Index ix, BigDecimal[] attainment) {
        int k = ix.kpis.length;
        int groups = ix.groupCount * k;
        int[] start = new int[groups + 1];
        for (int cell = 0; cell < attainment.length; cell++) {
            if (attainment[cell] != null) {
                start[ix.unitGroup[cell / k] * k + cell % k + 1]++;
            }
        }
        for (int g = 0; g < groups; g++) {
            start[g + 1] += start[g];
        }
        Integer[] ordered = new Integer[start[groups]];
        int[] next = java.util.Arrays.copyOf(start, groups);
        for (int cell = 0; cell < attainment.length; cell++) {
            if (attainment[cell] != null) {
                ordered[next[ix.unitGroup[cell / k] * k + cell % k]++] = cell;
            }
        }
        int[] rank = new int[attainment.length];
        Comparator<Integer> byAttainmentDescending = (a, b) -> attainment[b].compareTo(attainment[a]);
        for (int g = 0; g < groups; g++) {
            if (start[g + 1] - start[g] > 1) {
                java.util.Arrays.sort(ordered, start[g], start[g + 1], byAttainmentDescending);
            }
            for (int i = start[g]; i < start[g + 1]; i++) {
                int cell = ordered[i];
                boolean tie = i > start[g] && attainment[cell].compareTo(attainment[ordered[i - 1]]) == 0;
                rank[cell] = tie ? rank[ordered[i - 1]] : i - start[g] + 1;
            }
        }
        return rank;
    }

    private static List<Gap> gaps(Index ix, Month now, KpiCatalog.WeightedKpis weightedKpis) {
        int k = ix.kpis.length;
        Map<String, boolean[]> weightedByRole = new HashMap<>();
        List<Gap> gaps = new ArrayList<>();
        for (int u : ix.order) {
            Unit unit = ix.units[u];
            boolean person = "person".equals(unit.type());
            boolean reported = false;
            if (person) {
                for (int j = 0; j < k && !reported; j++) {
                    reported = now.has[u * k + j] == OWN;
                }
            }
            boolean[] weighted = null;
            if (reported) {
                weighted = weightedByRole.computeIfAbsent(unit.companyCode() + '\u0000' + unit.role(), r -> {
                    Set<String> codes = weightedKpis.of(unit.companyCode(), unit.role());
                    boolean[] w = new boolean[k];
                    for (int j = 0; j < k; j++) {
                        w[j] = codes.contains(ix.kpis[j].code());
                    }
                    return w;
                });
            }
            for (int j : ix.kpiOrder) {
                int cell = u * k + j;
                if (now.has[cell] == OWN) {
                    BigDecimal target = now.target.get(cell);
                    BigDecimal actual = now.actual.get(cell);
                    if (target == null || actual == null) {
                        String missing = target == null && actual == null ? "both" : target == null ? "target" : "actual";
                        gaps.add(new Gap(unit.type(), unit.code(), ix.kpis[j].code(), unit.companyCode(), missing));
                    } else if (target.signum() == 0 && !ix.kpis[j].lowerIsBetter()) {
                        // SPEC.md section 6: a higher-is-better target of 0 has no attainment and is listed as a
                        // data gap, never silently dropped
                        gaps.add(new Gap(unit.type(), unit.code(), ix.kpis[j].code(), unit.companyCode(), TARGET_ZERO));
                    }
                } else if (weighted != null && weighted[j]) {
                    gaps.add(new Gap(unit.type(), unit.code(), ix.kpis[j].code(), unit.companyCode(), "both"));
                }
            }
        }
        return gaps;
    }

    /** Units and KPIs numbered once per calculation; every month is an array over unit × KPI. */
    private static final class Index {
        final Unit[] units;
        final KpiDef[] kpis;
        final Map<String, Integer> unitByCode;
        final Map<String, Integer> kpiByCode = new HashMap<>();
        final int[] parent;
        final int[] order;
        final int[] kpiOrder;
        final int[] unitGroup;
        final int groupCount;

        Index(Collection<Unit> unitList, Collection<KpiDef> kpiList) {
            units = unitList.toArray(Unit[]::new);
            kpis = kpiList.stream().collect(java.util.stream.Collectors.toMap(KpiDef::code, d -> d, (a, b) -> b,
                    LinkedHashMap::new)).values().toArray(KpiDef[]::new);
            unitByCode = new HashMap<>(units.length * 2);
            for (int u = 0; u < units.length; u++) {
                unitByCode.put(units[u].code(), u);
            }
            for (int j = 0; j < kpis.length; j++) {
                kpiByCode.put(kpis[j].code(), j);
            }
            parent = new int[units.length];
            Map<String, Integer> groups = new HashMap<>();
            unitGroup = new int[units.length];
            for (int u = 0; u < units.length; u++) {
                Integer p = units[u].parentCode() == null ? null : unitByCode.get(units[u].parentCode());
                parent[u] = p == null ? -1 : p;
                String role = "person".equals(units[u].type()) ? String.valueOf(units[u].role()) : "";
                unitGroup[u] = groups.computeIfAbsent(units[u].companyCode() + '|' + units[u].type() + '|' + role,
                        g -> groups.size());
            }
            groupCount = groups.size();
            order = java.util.stream.IntStream.range(0, units.length).boxed()
                    .sorted(Comparator.comparing((Integer u) -> units[u].type()).thenComparing(u -> units[u].code()))
                    .mapToInt(Integer::intValue).toArray();
            kpiOrder = java.util.stream.IntStream.range(0, kpis.length).boxed()
                    .sorted(Comparator.comparing(j -> kpis[j].code())).mapToInt(Integer::intValue).toArray();
        }
    }

    /**
     * One month's effective figures per (unit, KPI) cell: own rows, then roll-ups of people's
     * complete pairs where a higher unit has no row of its own. Earlier months keep no targets.
     */
    private static final class Month {
        final Index index;
        final boolean targets;
        final byte[] has;
        final Decimals target;
        final Decimals actual;
        private Accumulator[] rollUps;

        Month(Index index, boolean targets) {
            this.index = index;
            this.targets = targets;
            int cells = index.units.length * index.kpis.length;
            has = new byte[cells];
            target = targets ? new Decimals(cells) : null;
            actual = new Decimals(cells);
        }

        BigDecimal actualAt(int cell) {
            return actual.get(cell);
        }

        void add(Figure f) {
            Integer u = index.unitByCode.get(f.unitCode());
            Integer j = index.kpiByCode.get(f.kpiCode());
            if (u == null || j == null || !index.units[u].type().equals(f.unitType())) {
                return; // figures of units or KPIs no longer in the organisation/catalogue
            }
            int k = index.kpis.length;
            int cell = u * k + j;
            has[cell] = OWN;
            if (targets) {
                target.set(cell, f.target());
            }
            actual.set(cell, f.actual());
            if ("person".equals(index.units[u].type()) && f.target() != null && f.actual() != null) {
                if (rollUps == null) {
                    rollUps = new Accumulator[has.length];
                }
                int ancestor = index.parent[u];
                for (int depth = 0; ancestor >= 0 && depth < 64; depth++) {
                    int a = ancestor * k + j;
                    if (rollUps[a] == null) {
                        rollUps[a] = new Accumulator();
                    }
                    rollUps[a].add(targets ? f.target() : BigDecimal.ZERO, f.actual());
                    ancestor = index.parent[ancestor];
                }
            }
        }

        void rollUp() {
            if (rollUps == null) {
                return;
            }
            int k = index.kpis.length;
            for (int cell = 0; cell < rollUps.length; cell++) {
                if (rollUps[cell] != null && has[cell] == NONE) {
                    Effective e = rollUps[cell].effective("avg".equals(index.kpis[cell % k].aggregation()));
                    has[cell] = ROLLED_UP;
                    if (targets) {
                        target.set(cell, e.target());
                    }
                    actual.set(cell, e.actual());
                }
            }
            rollUps = null;
        }
    }

    /**
     * Decimal numbers per cell as longs of millionths (issue 18: 8 bytes a cell instead of a
     * 40-byte BigDecimal and its reference). Exact, no rounding: a figure is numeric(20, 6), so any
     * stored value times 10^6 is an integer, and it fits a long when its magnitude is below
     * 9.2 × 10^12; values that do not fit, or have more than 6 decimals (averaged roll-ups, computed
     * to 12), are kept as they are in a side map. get() returns a value equal to the one set
     * (same scale for the longs: 6, as the database returns them).
     */
    static final class Decimals {
        private static final long NULL = Long.MIN_VALUE;
        private final long[] millionths;
        private Map<Integer, BigDecimal> exact;

        Decimals(int cells) {
            millionths = new long[cells];
            Arrays.fill(millionths, NULL);
        }

        void set(int cell, BigDecimal value) {
            if (exact != null) {
                exact.remove(cell);
            }
            if (value == null) {
                millionths[cell] = NULL;
                return;
            }
            if (value.scale() == SCALE && value.precision() <= 18) {
                millionths[cell] = value.unscaledValue().longValue();
                return;
            }
            millionths[cell] = NULL;
            if (exact == null) {
                exact = new HashMap<>();
            }
            exact.put(cell, value);
        }

        BigDecimal get(int cell) {
            long v = millionths[cell];
            if (v != NULL) {
                return BigDecimal.valueOf(v, SCALE);
            }
            return exact == null ? null : exact.get(cell);
        }
    }

    private static final class Accumulator {
        private BigDecimal targets = BigDecimal.ZERO;
        private BigDecimal actuals = BigDecimal.ZERO;
        private int count;

        void add(BigDecimal target, BigDecimal actual) {
            targets = targets.add(target);
            actuals = actuals.add(actual);
            count++;
        }

        Effective effective(boolean average) {
            if (!average) {
                return new Effective(targets, actuals, true);
            }
            BigDecimal n = BigDecimal.valueOf(count);
            return new Effective(targets.divide(n, WORK_SCALE, RoundingMode.HALF_UP),
                    actuals.divide(n, WORK_SCALE, RoundingMode.HALF_UP), true);
        }
    }
}
