package com.perftrack.sales;

import static com.perftrack.sales.WeeklyPlanVariables.*;

import com.perftrack.notification.Notifier;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task {@code Task_EscalateMissingPlan}: still not filed at the escalation; mail the sales head (else the sales group). */
@Component
class EscalateMissingPlanDelegate implements JavaDelegate {

    private final Notifier notifier;

    EscalateMissingPlanDelegate(Notifier notifier) {
        this.notifier = notifier;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String week = WEEK.present(execution);
        String person = PERSON_NAME.present(execution);
        notifier.toUserElseGroup(null, SALES_HEAD_USER_ID.get(execution), WeeklySalesPlanService.SALES_ROLE,
                "【销售周计划】" + person + " 未提交 " + week + " 周工作计划 / Missing weekly sales plan " + week,
                person + " 的 " + week + " 周工作计划在提醒后仍未提交，请跟进。周销售会议在所有计划提交后开始。\n\n"
                        + person + " has still not filed the weekly sales plan for " + week + " after the reminder; "
                        + "please follow up. The weekly sales meeting opens once every plan is in.");
    }
}
