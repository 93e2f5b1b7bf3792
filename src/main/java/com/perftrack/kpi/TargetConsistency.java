package com.perftrack.kpi;

import com.perftrack.organisation.OrgUnit;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Do children's targets add up to their parent's (issue 14)? Plain Java over one company's tree and
 * one month's figures. For every {@code sum} KPI and every unit P with a target T:
 * <ul>
 * <li>only P's <em>direct</em> children count (a department's children may be regions and people);
 * <li>nothing is reported when no child has a target and none has one anywhere below it: P's target
 * is simply not broken down;
 * <li>else childrenTarget = the sum of the children's targets, difference = childrenTarget − T, and a
 * child without a target is missing (a gap, 断层) — every region and person, and a department when it
 * takes part in the KPI: it is the KPI's source department, or it or a unit below it has a figure for
 * the KPI that month (a company's sales target is not expected on its production or HR department);
 * <li>P is reported when a child is missing or the difference, rounded half up to two decimals, is
 * beyond the tolerance.
 * </ul>
 * People's figures arrive summed per parent ({@link PersonTotals}), so a month of 100,000 people is
 * a few hundred numbers, and the people without a target are listed only for a parent reported.
 */
final class TargetConsistency {

    /** A unit's own figure for a KPI: its target (null = none) and whether it has a target or an actual. */
    record Own(BigDecimal target, boolean reported) {
    }

    /** A parent's person children for a KPI: the sum of their targets, how many have a target, how many a figure. */
    record PersonTotals(BigDecimal target, int withTarget, int reported) {
    }

    /** The person children of {@code parentCode} without a target for {@code kpiCode}, by code. */
    @FunctionalInterface
    interface MissingPersons {
        List<String> of(String parentCode, String kpiCode);
    }

    /** One month's figures of one company: own figures of the units that are not people, people's per parent. */
    record Month(String period, Map<String, Map<String, Own>> own, Map<String, Map<String, PersonTotals>> persons,
            MissingPersons missingPersons) {

        /** From raw figure rows (tests, small data): the same summaries the database query gives. */
        static Month of(String period, Collection<FigureView> figures, Collection<OrgUnit> units) {
            Map<String, OrgUnit> byCode = new HashMap<>();
            units.forEach(u -> byCode.put(u.code(), u));
            Map<String, Map<String, Own>> own = new HashMap<>();
            Map<String, Map<String, PersonTotals>> persons = new HashMap<>();
            Set<String> personTargets = new HashSet<>();
            for (FigureView f : figures) {
                OrgUnit unit = byCode.get(f.unitCode());
                if (!f.period().equals(period) || unit == null || !unit.unitType().equals(f.unitType())) {
                    continue;
                }
                boolean reported = f.target() != null || f.actual() != null;
                if (unit.isPerson()) {
                    persons.computeIfAbsent(unit.parentCode(), p -> new HashMap<>()).merge(f.kpiCode(),
                            new PersonTotals(f.target() == null ? BigDecimal.ZERO : f.target(), f.target() == null ? 0 : 1,
                                    reported ? 1 : 0),
                            (a, b) -> new PersonTotals(a.target().add(b.target()), a.withTarget() + b.withTarget(),
                                    a.reported() + b.reported()));
                    if (f.target() != null) {
                        personTargets.add(f.unitCode() + '|' + f.kpiCode());
                    }
                } else {
                    own.computeIfAbsent(f.unitCode(), c -> new HashMap<>()).put(f.kpiCode(), new Own(f.target(), reported));
                }
            }
            MissingPersons missing = (parent, kpi) -> units.stream()
                    .filter(u -> u.isPerson() && parent.equals(u.parentCode()))
                    .map(OrgUnit::code).filter(code -> !personTargets.contains(code + '|' + kpi)).sorted().toList();
            return new Month(period, own, persons, missing);
        }
    }

    private static final List<String> TYPE_ORDER = List.of(OrgUnit.COMPANY, OrgUnit.DEPARTMENT, OrgUnit.REGION, OrgUnit.PERSON);
    /** How many missing children a message names; the list carries all of them. */
    static final int NAMED_IN_MESSAGE = 10;

    private final BigDecimal tolerance;

    TargetConsistency(BigDecimal tolerance) {
        this.tolerance = tolerance;
    }

    /** The parents of {@code units} (one company's tree) whose children's targets do not add up, for the {@code sum} KPIs. */
    List<TargetConsistencyView> check(Month month, Collection<OrgUnit> units, List<Kpi> kpis) {
        Map<String, OrgUnit> byCode = new HashMap<>();
        Map<String, List<OrgUnit>> children = new HashMap<>();
        Map<String, Integer> personChildren = new HashMap<>();
        for (OrgUnit u : units) {
            byCode.put(u.code(), u);
        }
        for (OrgUnit u : units) {
            if (u.parentCode() == null) {
                continue;
            }
            if (u.isPerson()) {
                personChildren.merge(u.parentCode(), 1, Integer::sum);
            } else {
                children.computeIfAbsent(u.parentCode(), p -> new ArrayList<>()).add(u);
            }
        }
        List<OrgUnit> parents = units.stream().filter(u -> !u.isPerson())
                .sorted(Comparator.comparing((OrgUnit u) -> TYPE_ORDER.indexOf(u.unitType())).thenComparing(OrgUnit::code))
                .toList();
        Map<String, Below> belows = new HashMap<>();
        List<TargetConsistencyView> found = new ArrayList<>();
        for (OrgUnit parent : parents) {
            for (Kpi kpi : kpis) {
                Own own = own(month, parent.code(), kpi.code());
                if (!"sum".equals(kpi.aggregation()) || own == null || own.target() == null) {
                    continue;
                }
                Below below = belows.computeIfAbsent(kpi.code(), k -> below(month, k, byCode));
                check(month, parent, kpi, own.target(), children.getOrDefault(parent.code(), List.of()),
                        personChildren.getOrDefault(parent.code(), 0), below).ifPresent(found::add);
            }
        }
        return found;
    }

    private java.util.Optional<TargetConsistencyView> check(Month month, OrgUnit parent, Kpi kpi, BigDecimal target,
            List<OrgUnit> children, int personCount, Below below) {
        PersonTotals persons = month.persons().getOrDefault(parent.code(), Map.of()).get(kpi.code());
        BigDecimal sum = persons == null ? BigDecimal.ZERO : persons.target();
        int withTarget = persons == null ? 0 : persons.withTarget();
        boolean brokenDown = withTarget > 0;
        List<String> missing = new ArrayList<>();
        for (OrgUnit child : children) {
            Own own = own(month, child.code(), kpi.code());
            if (own != null && own.target() != null) {
                sum = sum.add(own.target());
                brokenDown = true;
                continue;
            }
            brokenDown |= below.target().contains(child.code());
            boolean takesPart = !OrgUnit.DEPARTMENT.equals(child.unitType()) || kpi.sourceDepartment().equals(child.role())
                    || own != null && own.reported() || below.reported().contains(child.code());
            if (takesPart) {
                missing.add(child.code());
            }
        }
        if (!brokenDown) {
            return java.util.Optional.empty();
        }
        if (withTarget < personCount) {
            missing.addAll(month.missingPersons().of(parent.code(), kpi.code()));
        }
        BigDecimal difference = sum.subtract(target);
        if (missing.isEmpty() && difference.setScale(2, RoundingMode.HALF_UP).abs().compareTo(tolerance) <= 0) {
            return java.util.Optional.empty();
        }
        missing.sort(null);
        return java.util.Optional.of(new TargetConsistencyView(month.period(), parent.unitType(), parent.code(), kpi.code(),
                KpiResultView.plain(target), KpiResultView.plain(sum), KpiResultView.plain(difference), missing,
                message(month.period(), parent, kpi, target, sum, difference, missing)));
    }

    static String message(String period, OrgUnit parent, Kpi kpi, BigDecimal target, BigDecimal sum, BigDecimal difference,
            List<String> missing) {
        String t = KpiResultView.plain(target).toPlainString();
        String s = KpiResultView.plain(sum).toPlainString();
        String d = KpiResultView.plain(difference).toPlainString();
        String named = String.join(", ", missing.subList(0, Math.min(missing.size(), NAMED_IN_MESSAGE)))
                + (missing.size() > NAMED_IN_MESSAGE ? " … (+" + (missing.size() - NAMED_IN_MESSAGE) + ")" : "");
        StringBuilder zh = new StringBuilder(period + " " + kpi.code() + "：" + parent.code() + " 的目标 " + t
                + "，下级目标合计 " + s + "，差 " + d);
        StringBuilder en = new StringBuilder(period + " " + kpi.code() + ": the children's targets of " + parent.code()
                + " add up to " + s + ", its own target is " + t + " (difference " + d + ")");
        if (!missing.isEmpty()) {
            zh.append("；目标断层，以下下级没有目标：").append(named);
            en.append("; gap: no target for ").append(named);
        }
        return zh + " / " + en;
    }

    /** Units with a target / with any figure for a KPI somewhere below them (their own not counted). */
    private record Below(Set<String> target, Set<String> reported) {
    }

    private static Below below(Month month, String kpiCode, Map<String, OrgUnit> units) {
        Set<String> target = new HashSet<>();
        Set<String> reported = new HashSet<>();
        for (OrgUnit unit : units.values()) {
            if (unit.isPerson()) {
                continue;
            }
            Own own = own(month, unit.code(), kpiCode);
            if (own != null && own.target() != null) {
                markAncestors(unit.parentCode(), units, target);
            }
            if (own != null && own.reported()) {
                markAncestors(unit.parentCode(), units, reported);
            }
        }
        month.persons().forEach((parent, byKpi) -> {
            PersonTotals totals = byKpi.get(kpiCode);
            if (totals != null && totals.withTarget() > 0) {
                markAncestors(parent, units, target);
            }
            if (totals != null && totals.reported() > 0) {
                markAncestors(parent, units, reported);
            }
        });
        return new Below(target, reported);
    }

    /** Adds {@code code} and its ancestors; an ancestor already marked has its own ancestors marked too. */
    private static void markAncestors(String code, Map<String, OrgUnit> units, Set<String> marked) {
        String current = code;
        while (current != null && marked.add(current)) {
            OrgUnit unit = units.get(current);
            current = unit == null ? null : unit.parentCode();
        }
    }

    private static Own own(Month month, String unitCode, String kpiCode) {
        Map<String, Own> byKpi = month.own().get(unitCode);
        return byKpi == null ? null : byKpi.get(kpiCode);
    }
}
