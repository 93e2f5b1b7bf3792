package com.perftrack.sales;

import static com.perftrack.process.ProcessVariable.id;
import static com.perftrack.process.ProcessVariable.raw;
import static com.perftrack.process.ProcessVariable.text;

import com.perftrack.process.ProcessVariable;

/** The variables of {@code salesperson-monthly-report} and of the sales collection task's report table. */
final class SalespersonReportVariables {

    static final ProcessVariable<Long> REPORT_ID = id("reportId");
    static final ProcessVariable<String> PERIOD = text("period");
    static final ProcessVariable<String> COMPANY_CODE = text("companyCode");
    static final ProcessVariable<String> PERSON_NAME = text("personName");
    static final ProcessVariable<String> SALES_PERSON_USER_ID = text("salesPersonUserId");

    // the report (Task_FileSalespersonReport)
    static final ProcessVariable<Object> SALES_AMOUNT = raw("reportSalesAmount");
    static final ProcessVariable<String> ANALYSIS = text("analysisComment");
    static final ProcessVariable<String> ACTIVITIES = text("activitiesComment");
    static final ProcessVariable<String> MARKET_FEEDBACK = text("marketFeedbackComment");
    static final ProcessVariable<String> CUSTOMER_QUOTES = text("customerQuotesComment");

    // on the sales department's collection task of monthly-tracking-cycle
    static final String REPORTS_TABLE = "salespersonReportsTable";
    static final ProcessVariable<String> REPORTS_STATUS = text("salespersonReportsStatus");

    private SalespersonReportVariables() {
    }
}
