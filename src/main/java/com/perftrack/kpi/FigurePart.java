package com.perftrack.kpi;

import java.math.BigDecimal;

/**
 * A part of a unit's monthly figure (SPEC.md section 7): a day of the month ({@code day} 1–31, 0 for
 * the whole month) and/or a product, channel or customer ({@code ""} when absent). {@code period} is
 * the month {@code YYYY-MM}.
 */
public record FigurePart(String period, int day, String unitType, String unitCode, String kpiCode, String product,
        String channel, String customer, BigDecimal target, BigDecimal actual) {

    public FigurePart {
        product = product == null ? "" : product;
        channel = channel == null ? "" : channel;
        customer = customer == null ? "" : customer;
    }

    /** The dimension value this part has for {@code by} ({@code product}, {@code channel} or {@code customer}). */
    public String dimension(String by) {
        return switch (by) {
            case "product" -> product;
            case "channel" -> channel;
            case "customer" -> customer;
            default -> throw new IllegalArgumentException("unknown dimension " + by);
        };
    }

    String key() {
        return period + '|' + unitCode + '|' + kpiCode + '|' + day + '|' + product + '|' + channel + '|' + customer;
    }
}
