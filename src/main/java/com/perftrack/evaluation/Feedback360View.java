package com.perftrack.evaluation;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One person's 360° result of a closed round, as {@code GET /api/feedback-360} shows it: the mean
 * (also the figure {@code FEEDBACK_360}), how many raters answered, the means per rater type that the
 * anonymity threshold lets through (self, manager, peer, subordinate) and per dimension (duty 工作职责,
 * goals 目标完成, teamwork 团队协作, contribution 对公司贡献).
 */
record Feedback360View(String quarter, String companyCode, String personCode, String personName,
        BigDecimal mean, int raters, Map<String, FeedbackMeans.TypeMean> byType, Map<String, BigDecimal> byDimension) {
}
