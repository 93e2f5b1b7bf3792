package com.perftrack.evaluation;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Ranks and streaks of SPEC.md sections 3 and 4, as plain Java. */
public final class Ranking {

    private Ranking() {
    }

    /** Descending score; equal scores share a rank and the next rank skips (1, 2, 2, 4). Unscored people get none. */
    public static Map<String, Integer> ranks(Map<String, BigDecimal> scores) {
        List<Map.Entry<String, BigDecimal>> scored = scores.entrySet().stream().filter(e -> e.getValue() != null)
                .sorted(Map.Entry.<String, BigDecimal>comparingByValue(Comparator.reverseOrder())).toList();
        Map<String, Integer> ranks = new HashMap<>();
        for (int i = 0; i < scored.size(); i++) {
            BigDecimal score = scored.get(i).getValue();
            int rank = i > 0 && score.compareTo(scored.get(i - 1).getValue()) == 0
                    ? ranks.get(scored.get(i - 1).getKey()) : i + 1;
            ranks.put(scored.get(i).getKey(), rank);
        }
        return ranks;
    }

    /**
     * Consecutive quarters below target: a quarter below target adds one, a quarter at or above
     * target resets to zero, and a quarter without scorable data leaves the count as it was.
     */
    public static int consecutiveBelow(int previous, QuarterScoring.PersonScore quarter) {
        if (!quarter.scorable()) {
            return previous;
        }
        return quarter.belowTarget() ? previous + 1 : 0;
    }
}
