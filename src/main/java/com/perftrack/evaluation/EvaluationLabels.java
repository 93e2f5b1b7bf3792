package com.perftrack.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How an evaluation reads in a form: outcomes in Chinese (the codes of SPEC.md section 6 stay in the
 * API), scores as percentages (the API keeps fractions), people and companies by name beside code.
 */
final class EvaluationLabels {

    static final String NO_VALUE = "—";

    private EvaluationLabels() {
    }

    /** BONUS → 奖金 …; null (no outcome) → 无. */
    static String outcome(String outcome) {
        if (outcome == null) {
            return "无";
        }
        return switch (outcome) {
            case Outcomes.BONUS -> "奖金";
            case Outcomes.WARNING -> "书面警告";
            case Outcomes.FINE -> "罚款";
            case Outcomes.DEMOTION_OR_TRANSFER_REVIEW -> "降职/调岗评审";
            default -> outcome;
        };
    }

    /** 0.9879 → 98.79%, 1.2 → 120%; null → —. */
    static String percent(BigDecimal fraction) {
        if (fraction == null) {
            return NO_VALUE;
        }
        BigDecimal percent = fraction.movePointRight(2).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        return (percent.scale() < 0 ? percent.setScale(0) : percent).toPlainString() + "%";
    }

    /** "¥2,000.00", or — without a sum. */
    static String money(BigDecimal amount) {
        return amount == null ? NO_VALUE : String.format(java.util.Locale.ROOT, "¥%,.2f", amount);
    }

    /** "2 / 12", or — without a rank (no score). */
    static String rank(EvaluationView e) {
        return e.rank() == null ? NO_VALUE : e.rank() + " / " + e.peerGroupSize();
    }

    /** "马芳 DEMO-P1"; the code alone when the name is the code or unknown. */
    static String named(String name, String code) {
        return name == null || name.isBlank() || name.equals(code) ? code : name + " " + code;
    }
}
