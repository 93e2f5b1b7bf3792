package com.perftrack.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A person's year (SPEC.md section 3, "per quarter and per year"), as plain Java: the annual score is
 * the mean of the year's scored quarters (a quarter without scorable data neither counts nor drags
 * the mean down), kept to the four decimals the quarterly scores are stored with; the rank is
 * taken within the person's company and peer group (the role of their latest quarter) by the
 * quarterly rule: equal scores share a rank, people without any scored quarter get none.
 *
 * <p>The mean of the stored quarters, rather than a score over the year's aggregated figures, is
 * deliberate: a corrected quarter (HR change, appeal) then corrects the year with it, and the
 * committee can check the year from the four numbers it has already published.</p>
 */
final class AnnualScores {

    private AnnualScores() {
    }

    static List<AnnualView> of(int year, List<EvaluationView> quarters) {
        Map<String, List<EvaluationView>> byPerson = new LinkedHashMap<>();
        quarters.stream().sorted(Comparator.comparing(EvaluationView::quarter))
                .forEach(e -> byPerson.computeIfAbsent(e.personCode(), p -> new ArrayList<>()).add(e));
        List<AnnualView> unranked = new ArrayList<>();
        byPerson.forEach((person, rows) -> {
            EvaluationView latest = rows.get(rows.size() - 1);
            List<BigDecimal> scores = rows.stream().map(EvaluationView::score).filter(s -> s != null).toList();
            BigDecimal mean = scores.isEmpty() ? null : scores.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                    .divide(BigDecimal.valueOf(scores.size()), 4, RoundingMode.HALF_UP);
            int bonuses = (int) rows.stream().filter(e -> Outcomes.BONUS.equals(e.outcome())).count();
            unranked.add(new AnnualView(year, person, latest.companyCode(), latest.peerGroup(), mean, null, 0,
                    scores.size(), bonuses));
        });
        Map<String, List<AnnualView>> groups = new LinkedHashMap<>();
        unranked.forEach(a -> groups.computeIfAbsent(a.companyCode() + "\u0000" + a.peerGroup(), g -> new ArrayList<>()).add(a));
        List<AnnualView> ranked = new ArrayList<>();
        for (List<AnnualView> group : groups.values()) {
            Map<String, BigDecimal> scores = new LinkedHashMap<>();
            group.forEach(a -> scores.put(a.personCode(), a.score()));
            Map<String, Integer> ranks = Ranking.ranks(scores);
            int scored = (int) group.stream().filter(a -> a.score() != null).count();
            group.forEach(a -> ranked.add(new AnnualView(a.year(), a.personCode(), a.companyCode(), a.peerGroup(),
                    a.score(), ranks.get(a.personCode()), scored, a.quartersScored(), a.bonuses())));
        }
        ranked.sort(Comparator.comparing(AnnualView::companyCode).thenComparing(AnnualView::peerGroup)
                .thenComparing(a -> a.rank() == null ? Integer.MAX_VALUE : a.rank())
                .thenComparing(AnnualView::personCode));
        return ranked;
    }
}
