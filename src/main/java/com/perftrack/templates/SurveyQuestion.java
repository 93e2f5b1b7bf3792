package com.perftrack.templates;

import java.util.List;

/** A question of a company's customer survey, scored 1-5; {@code code} is its column in the file. */
record SurveyQuestion(String code, String label) {

    /** The seed's questions, asked by a company that configured none. */
    static final List<SurveyQuestion> DEFAULTS = List.of(new SurveyQuestion("product", "产品 Product"),
            new SurveyQuestion("delivery", "交付 Delivery"), new SurveyQuestion("service", "服务 Service"),
            new SurveyQuestion("price", "价格 Price"));
}
