package com.perftrack.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Forecast by ordinary linear least squares: fits {@code y = a + b·t} to the observed actuals
 * (t = 0, 1, …, n−1; months without an actual are skipped but keep their t) and extends the line
 * to the next periods. Chosen over Holt-Winters because a month's tracking has too few points for
 * a seasonal fit, and managers can check a straight line by eye.
 */
final class LinearTrendForecast {

    static final String METHOD = "linear-least-squares";
    static final String METHOD_ZH = "线性最小二乘趋势";
    static final String METHOD_EN = "Linear least-squares trend";
    private static final int SCALE = 6;

    private LinearTrendForecast() {
    }

    /**
     * @param history one value per consecutive period, oldest first; null = no actual that month
     * @return {@code horizon} forecasts for the periods after the last one; empty with fewer than
     *         two observed values (no line through one point)
     */
    static List<BigDecimal> forecast(List<BigDecimal> history, int horizon) {
        int n = 0;
        double sumT = 0;
        double sumY = 0;
        for (int t = 0; t < history.size(); t++) {
            if (history.get(t) != null) {
                n++;
                sumT += t;
                sumY += history.get(t).doubleValue();
            }
        }
        if (n < 2) {
            return List.of();
        }
        double meanT = sumT / n;
        double meanY = sumY / n;
        double sxy = 0;
        double sxx = 0;
        for (int t = 0; t < history.size(); t++) {
            if (history.get(t) != null) {
                sxy += (t - meanT) * (history.get(t).doubleValue() - meanY);
                sxx += (t - meanT) * (t - meanT);
            }
        }
        double slope = sxy / sxx;
        double intercept = meanY - slope * meanT;
        List<BigDecimal> forecast = new ArrayList<>(horizon);
        for (int h = 0; h < horizon; h++) {
            double t = history.size() + h;
            forecast.add(BigDecimal.valueOf(intercept + slope * t).setScale(SCALE, RoundingMode.HALF_UP));
        }
        return forecast;
    }
}
