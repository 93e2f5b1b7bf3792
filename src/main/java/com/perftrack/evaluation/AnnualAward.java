package com.perftrack.evaluation;

/**
 * The Q4 awards HR may propose and the general manager approves. Each has its own people picker (a
 * form-js taglist of person codes) and its own reason field in {@code quarterly-evaluation-propose-annual-awards}; the
 * code stays in the archive's key, the Chinese name is what people read.
 */
enum AnnualAward {

    YEAR_END_BONUS("yearEndBonusPeople", "yearEndBonusReason", "年终奖", "year-end bonus"),
    PROMOTION("promotionPeople", "promotionReason", "晋升", "promotion"),
    EXTRA_LEAVE("extraLeavePeople", "extraLeaveReason", "额外假期", "extra leave"),
    SPECIAL_CONTRIBUTION("specialContributionPeople", "specialContributionReason", "特殊贡献奖",
            "special contribution award");

    private final String peopleVariable;
    private final String reasonVariable;
    private final String chinese;
    private final String english;

    AnnualAward(String peopleVariable, String reasonVariable, String chinese, String english) {
        this.peopleVariable = peopleVariable;
        this.reasonVariable = reasonVariable;
        this.chinese = chinese;
        this.english = english;
    }

    /** The taglist's variable: a Json list of person codes. */
    String peopleVariable() {
        return peopleVariable;
    }

    String reasonVariable() {
        return reasonVariable;
    }

    /** 年终奖, 晋升, 额外假期, 特殊贡献奖. */
    String chinese() {
        return chinese;
    }

    String english() {
        return english;
    }
}
