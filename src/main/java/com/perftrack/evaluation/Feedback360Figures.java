package com.perftrack.evaluation;

import java.math.BigDecimal;
import java.util.Map;

/** Where a closed 360° round's means go: the figure {@code FEEDBACK_360} of the quarter's last month. */
interface Feedback360Figures {

    String KPI_CODE = "FEEDBACK_360";

    void record(String period, Map<String, BigDecimal> meanByPerson, String source);
}
