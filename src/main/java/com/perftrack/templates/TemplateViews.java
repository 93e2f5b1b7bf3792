package com.perftrack.templates;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** What the JSON endpoints (and the dashboard, and the collection forms) read. Shares are fractions. */
final class TemplateViews {

    private TemplateViews() {
    }

    record SurveyView(long id, String period, String unitType, String unitCode, String customer, String surveyDate,
            Map<String, Integer> scores, String comment) {
    }

    /** A unit's month: how many customers answered, the mean score 1-5 and that as a fraction ({@link Satisfaction}). */
    record SurveyMean(String period, String unitType, String unitCode, int surveys, BigDecimal meanScore,
            BigDecimal satisfaction) {
    }

    record Surveys(String period, List<SurveyQuestion> questions, boolean feedsSatisfaction, List<SurveyView> surveys,
            List<SurveyMean> means) {
    }

    record CompetitorView(String period, String unitType, String unitCode, String competitor, String product,
            BigDecimal price, String move) {
    }

    record EstimateView(String period, String unitType, String unitCode, BigDecimal marketSize, BigDecimal marketShare,
            String demandChange, String policy) {
    }

    record MarketReport(String period, List<CompetitorView> competitors, List<EstimateView> estimates) {
    }

    record TargetView(String period, String regionCode, String kpiCode, BigDecimal target) {
    }

    record ItemView(String period, String regionCode, String activity, String owner, String dueDate, BigDecimal budget) {
    }

    record RegionalPlan(String period, List<TargetView> targets, List<ItemView> items) {
    }

    /** The answer of an upload: lines stored, units and months touched, figures written, and what deserves a look. */
    record ImportSummary(String kind, int rows, int units, List<String> periods, int figuresWritten,
            List<com.perftrack.imports.LineError> warnings) {
    }
}
