package com.perftrack.sales;

import static com.perftrack.sales.WeeklyPlanVariables.*;

import com.perftrack.notification.Notifier;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task {@code Task_RemindSalesPerson}: the plan is due and not filed; mail the sales person. */
@Component
class RemindSalesPersonDelegate implements JavaDelegate {

    private final Notifier notifier;

    RemindSalesPersonDelegate(Notifier notifier) {
        this.notifier = notifier;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String week = WEEK.present(execution);
        notifier.toUserElseGroup(null, SALES_PERSON_USER_ID.get(execution), null,
                "【销售周计划】请填写 " + week + " 周工作计划 / Reminder: weekly sales plan " + week,
                PERSON_NAME.present(execution) + "：您的 " + week + " 周工作计划（本周目标、客户拜访计划）尚未填写，请在任务列表中提交。"
                        + "\n\nYour weekly sales plan for " + week + " (targets and customer visits) is due: please file it "
                        + "in Tasklist.");
    }
}
