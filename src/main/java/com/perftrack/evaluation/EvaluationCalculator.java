package com.perftrack.evaluation;

import com.perftrack.calendar.Period;
import com.perftrack.calendar.Quarter;
import com.perftrack.kpi.Kpi;
import com.perftrack.kpi.KpiCatalog;
import com.perftrack.kpi.QuarterFigures;
import com.perftrack.organisation.OrgUnit;
import com.perftrack.organisation.OrganisationService;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Computes a company's quarter from the stored figures: scores, ranks per peer group (same
 * company, same role), consecutive quarters below target and the proposals of reward-penalty.dmn.
 * The streak starts from the latest stored quarter before; quarters in between (or all quarters
 * since the company's first figure) are computed on the way, so the order of evaluation does not
 * change a result.
 */
@Component
class EvaluationCalculator {

    static final String DEFAULT_ROLE = "employee";

    private final OrganisationService organisation;
    private final KpiCatalog catalog;
    private final QuarterFigures figures;
    private final EvaluationRepository repository;
    private final OutcomeRules rules;
    private final QuarterScoring scoring;

    EvaluationCalculator(OrganisationService organisation, KpiCatalog catalog, QuarterFigures figures,
            EvaluationRepository repository, OutcomeRules rules,
            @Value("${ptc.kpi.attainment-cap:1.5}") BigDecimal attainmentCap) {
        this.organisation = organisation;
        this.catalog = catalog;
        this.figures = figures;
        this.repository = repository;
        this.rules = rules;
        this.scoring = new QuarterScoring(attainmentCap);
    }

    List<EvaluationView> quarter(Quarter quarter) {
        return quarter(quarter, Set.of());
    }

    /** The quarter of every company except the given ones (those already evaluated and stored). */
    List<EvaluationView> quarter(Quarter quarter, Set<String> exceptCompanies) {
        List<EvaluationView> all = new ArrayList<>();
        for (OrgUnit company : organisation.companies()) {
            if (!exceptCompanies.contains(company.code())) {
                all.addAll(company(company.code(), quarter));
            }
        }
        return all;
    }

    List<EvaluationView> company(String companyCode, Quarter quarter) {
        Map<String, Integer> streaks = new HashMap<>();
        Quarter cursor = quarter;
        Optional<String> stored = repository.latestQuarterBefore(companyCode, quarter.toString());
        if (stored.isPresent()) {
            streaks.putAll(repository.streaks(companyCode, stored.get()));
            cursor = next(Quarter.parse(stored.get()));
        } else {
            Optional<Quarter> first = figures.firstQuarter(companyCode);
            if (first.isPresent() && first.get().compareTo(quarter) < 0) {
                cursor = first.get();
            }
        }
        Map<String, Kpi> kpis = catalog.all().stream().collect(Collectors.toMap(Kpi::code, Function.identity()));
        for (; cursor.compareTo(quarter) < 0; cursor = next(cursor)) {
            for (EvaluationView e : compute(companyCode, cursor, streaks, kpis, Map.of())) {
                streaks.put(e.personCode(), e.consecutiveQuartersBelow());
            }
        }
        return compute(companyCode, quarter, streaks, kpis, repository.scoreCorrections(quarter.toString()));
    }

    private List<EvaluationView> compute(String companyCode, Quarter quarter, Map<String, Integer> previousStreaks,
            Map<String, Kpi> kpis, Map<String, BigDecimal> corrections) {
        List<String> months = quarter.months().stream().map(Period::toString).toList();
        Map<String, Map<String, List<QuarterScoring.MonthFigure>>> byPerson = new HashMap<>();
        for (var f : figures.ofCompany(companyCode, quarter)) {
            byPerson.computeIfAbsent(f.personCode(), p -> new HashMap<>())
                    .computeIfAbsent(f.kpiCode(), k -> new ArrayList<>())
                    .add(new QuarterScoring.MonthFigure(f.period(), f.target(), f.actual()));
        }
        Map<String, Map<String, BigDecimal>> weightsByRole = new HashMap<>();
        Map<String, QuarterScoring.PersonScore> scores = new LinkedHashMap<>();
        Map<String, String> roles = new LinkedHashMap<>();
        for (OrgUnit person : organisation.units(companyCode, OrgUnit.PERSON)) {
            String role = person.role() == null || person.role().isBlank() ? DEFAULT_ROLE : person.role();
            var weights = weightsByRole.computeIfAbsent(role, r -> scored(weights(companyCode, quarter, r)));
            var score = scoring.score(kpis, weights, months, byPerson.getOrDefault(person.code(), Map.of()));
            BigDecimal corrected = corrections.get(person.code());
            if (corrected != null) {
                score = new QuarterScoring.PersonScore(corrected.setScale(QuarterScoring.SCORE_SCALE),
                        score.attainments(), score.dataGaps());
            }
            scores.put(person.code(), score);
            roles.put(person.code(), role);
        }
        List<EvaluationView> result = new ArrayList<>();
        Map<String, List<String>> peerGroups = roles.keySet().stream()
                .collect(Collectors.groupingBy(roles::get, LinkedHashMap::new, Collectors.toList()));
        for (var group : peerGroups.entrySet()) {
            Map<String, BigDecimal> groupScores = new HashMap<>();
            group.getValue().forEach(p -> groupScores.put(p, scores.get(p).score()));
            Map<String, Integer> ranks = Ranking.ranks(groupScores);
            int n = ranks.size();
            for (String person : group.getValue()) {
                var score = scores.get(person);
                int streak = Ranking.consecutiveBelow(previousStreaks.getOrDefault(person, 0), score);
                var proposal = score.scorable() ? rules.propose(ranks.get(person), n, streak)
                        : OutcomeRules.Proposal.NONE;
                var money = money(companyCode, group.getKey(), proposal.outcome());
                result.add(new EvaluationView(quarter.toString(), person, companyCode, group.getKey(), score.score(),
                        ranks.get(person), n, score.belowTarget(), streak, proposal.outcome(), proposal.outcome(),
                        EvaluationView.PROPOSED, proposal.guidance(), score.attainments(), score.dataGaps(), null,
                        null, null, money.amount(), money.rule()));
            }
        }
        return result;
    }

    /**
     * Each person's score over one month by the quarter's rule (SPEC.md section 4: weighted mean of the
     * attainments of the KPIs with target and actual, weights of the month's quarter, renormalised);
     * below target = score under 100%. People without a scorable KPI that month are left out.
     */
    Map<String, QuarterScoring.PersonScore> month(String companyCode, Period month) {
        Quarter quarter = month.quarter();
        List<String> months = List.of(month.toString());
        Map<String, Kpi> kpis = catalog.all().stream().collect(Collectors.toMap(Kpi::code, Function.identity()));
        Map<String, Map<String, List<QuarterScoring.MonthFigure>>> byPerson = new HashMap<>();
        for (var f : figures.ofCompany(companyCode, quarter)) {
            if (f.period().equals(month.toString())) {
                byPerson.computeIfAbsent(f.personCode(), p -> new HashMap<>())
                        .computeIfAbsent(f.kpiCode(), k -> new ArrayList<>())
                        .add(new QuarterScoring.MonthFigure(f.period(), f.target(), f.actual()));
            }
        }
        Map<String, Map<String, BigDecimal>> weightsByRole = new HashMap<>();
        Map<String, QuarterScoring.PersonScore> result = new LinkedHashMap<>();
        for (OrgUnit person : organisation.units(companyCode, OrgUnit.PERSON)) {
            String role = person.role() == null || person.role().isBlank() ? DEFAULT_ROLE : person.role();
            var weights = weightsByRole.computeIfAbsent(role, r -> scored(weights(companyCode, quarter, r)));
            var score = scoring.score(kpis, weights, months, byPerson.getOrDefault(person.code(), Map.of()));
            if (score.scorable()) {
                result.put(person.code(), score);
            }
        }
        return result;
    }

    /**
     * The weights of a role in a company's quarter: those the quarter was confirmed with where it has
     * been (a later weights file never changes a confirmed quarter), else the catalogue's set for the
     * quarter (SPEC.md section 7: from its valid_from on).
     */
    Map<String, BigDecimal> weights(String companyCode, Quarter quarter, String role) {
        Map<String, BigDecimal> used = repository.weightsUsed(companyCode, quarter.toString(), role);
        return used.isEmpty() ? catalog.weights(companyCode, role, quarter).weights() : used;
    }

    /** A weight of 0 takes a KPI out of the score: it neither counts nor is a data gap. */
    private static Map<String, BigDecimal> scored(Map<String, BigDecimal> weights) {
        Map<String, BigDecimal> result = new LinkedHashMap<>();
        weights.forEach((kpi, weight) -> {
            if (weight.signum() > 0) {
                result.put(kpi, weight);
            }
        });
        return result;
    }

    /** The sum the outcome carries for the company's role ({@link OutcomeRules#money}). */
    OutcomeRules.Money money(String companyCode, String peerGroup, String outcome) {
        return rules.money(peerGroup, outcome, () -> repository.rewardBase(companyCode, peerGroup));
    }

    static Quarter next(Quarter q) {
        return q.number() == 4 ? new Quarter(q.year() + 1, 1) : new Quarter(q.year(), q.number() + 1);
    }
}
