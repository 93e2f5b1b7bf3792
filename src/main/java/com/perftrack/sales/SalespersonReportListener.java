package com.perftrack.sales;

import static com.perftrack.sales.SalespersonReportVariables.*;

import com.perftrack.security.TaskActor;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completion of {@code Task_FileSalespersonReport}: the report is checked and stored; the sales collection task shows it. */
@Component
class SalespersonReportListener implements TaskListener {

    private final SalespersonReportService service;
    private final SalesCollectionReports collection;

    SalespersonReportListener(SalespersonReportService service, SalesCollectionReports collection) {
        this.service = service;
        this.collection = collection;
    }

    @Override
    public void notify(DelegateTask task) {
        long id = REPORT_ID.present(task);
        service.file(id, SALES_AMOUNT.get(task), ANALYSIS.get(task), ACTIVITIES.get(task), MARKET_FEEDBACK.get(task),
                CUSTOMER_QUOTES.get(task), TaskActor.required(task));
        SalespersonReport report = service.report(id);
        collection.refresh(report.companyCode(), report.period());
    }
}
