package com.perftrack.evaluation;

import java.util.List;

/** The outcome names of SPEC.md section 6. */
public final class Outcomes {

    public static final String BONUS = "BONUS";
    public static final String WARNING = "WARNING";
    public static final String FINE = "FINE";
    public static final String DEMOTION_OR_TRANSFER_REVIEW = "DEMOTION_OR_TRANSFER_REVIEW";
    /** In forms: "no outcome". */
    public static final String NONE = "NONE";
    public static final List<String> ALL = List.of(BONUS, WARNING, FINE, DEMOTION_OR_TRANSFER_REVIEW);

    private Outcomes() {
    }

    public static boolean isDisciplinary(String outcome) {
        return WARNING.equals(outcome) || FINE.equals(outcome) || DEMOTION_OR_TRANSFER_REVIEW.equals(outcome);
    }

    /** Fines and demotion/transfer reviews need the general manager's approval. */
    public static boolean needsGeneralManager(String outcome) {
        return FINE.equals(outcome) || DEMOTION_OR_TRANSFER_REVIEW.equals(outcome);
    }

    /** Parses a form value: blank or NONE is "no outcome"; anything else must be one of {@link #ALL}. */
    public static String parse(String value) {
        if (value == null || value.isBlank() || NONE.equals(value.trim())) {
            return null;
        }
        String outcome = value.trim();
        if (!ALL.contains(outcome)) {
            throw new IllegalArgumentException("未知的奖罚结果 / unknown outcome '" + value + "', expected one of " + ALL
                    + " or NONE");
        }
        return outcome;
    }
}
