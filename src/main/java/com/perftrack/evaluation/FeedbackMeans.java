package com.perftrack.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The 360° means of one person (plain Java). Each rater's mean is the mean of their four scores; the
 * person's mean is the mean over raters (every rater weighs the same, whatever their type); a rater
 * type's mean is the mean over the raters of that type; a dimension's mean is the mean of that score
 * over all raters. Means keep 4 decimals (half up).
 *
 * <p>Anonymity towards the person: the mean of peers or subordinates is shown only when at least
 * {@link #ANONYMITY_THRESHOLD} raters of that type answered; self and manager are always shown.</p>
 */
final class FeedbackMeans {

    static final int ANONYMITY_THRESHOLD = 3;
    static final int SCALE = 4;
    static final List<String> TYPES = List.of(FeedbackRaters.SELF, FeedbackRaters.MANAGER, FeedbackRaters.PEER,
            FeedbackRaters.SUBORDINATE);
    static final List<String> DIMENSIONS = List.of("duty", "goals", "teamwork", "contribution");

    /** One rater's answer: their type and the four scores 1..5 (工作职责, 目标完成, 团队协作, 对公司贡献). */
    record Answer(String raterType, int duty, int goals, int teamwork, int contribution) {
        int sum() {
            return duty + goals + teamwork + contribution;
        }

        int score(String dimension) {
            return switch (dimension) {
                case "duty" -> duty;
                case "goals" -> goals;
                case "teamwork" -> teamwork;
                case "contribution" -> contribution;
                default -> throw new IllegalArgumentException(dimension);
            };
        }
    }

    /** A rater type's mean and how many of that type answered. */
    record TypeMean(BigDecimal mean, int raters) {}

    /**
     * @param mean        null when nobody answered
     * @param byType      only the types the anonymity threshold lets through, in the order of {@link #TYPES}
     * @param byDimension the four dimensions over all raters
     */
    record Means(BigDecimal mean, int raters, Map<String, TypeMean> byType, Map<String, BigDecimal> byDimension) {}

    private FeedbackMeans() {
    }

    static Means of(List<Answer> answers) {
        Map<String, TypeMean> byType = new LinkedHashMap<>();
        Map<String, BigDecimal> byDimension = new LinkedHashMap<>();
        if (answers.isEmpty()) {
            return new Means(null, 0, byType, byDimension);
        }
        for (String type : TYPES) {
            List<Answer> ofType = answers.stream().filter(a -> type.equals(a.raterType())).toList();
            if (!ofType.isEmpty() && shown(type, ofType.size())) {
                byType.put(type, new TypeMean(meanOfRaters(ofType), ofType.size()));
            }
        }
        for (String dimension : DIMENSIONS) {
            int sum = answers.stream().mapToInt(a -> a.score(dimension)).sum();
            byDimension.put(dimension, divide(BigDecimal.valueOf(sum), answers.size()));
        }
        return new Means(meanOfRaters(answers), answers.size(), byType, byDimension);
    }

    /** Whether a type's mean may be shown: self and manager always, peers and subordinates from 3 raters on. */
    static boolean shown(String type, int raters) {
        return FeedbackRaters.SELF.equals(type) || FeedbackRaters.MANAGER.equals(type) || raters >= ANONYMITY_THRESHOLD;
    }

    /** Mean over raters of each rater's mean (sum / 4), computed exactly and rounded once. */
    private static BigDecimal meanOfRaters(List<Answer> answers) {
        // Σ (sum_i / 4) / n = Σ sum_i / (4 n): one division, one rounding
        int total = answers.stream().mapToInt(Answer::sum).sum();
        return divide(BigDecimal.valueOf(total), 4 * answers.size());
    }

    private static BigDecimal divide(BigDecimal sum, int n) {
        return sum.divide(BigDecimal.valueOf(n), SCALE, RoundingMode.HALF_UP);
    }
}
