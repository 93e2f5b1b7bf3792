package com.perftrack.evaluation;

import static com.perftrack.evaluation.QuarterlyEvaluationVariables.*;
import com.perftrack.calendar.Quarter;
import com.perftrack.security.TaskActor;
import java.math.BigDecimal;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.Spin;
import org.springframework.stereotype.Component;

/**
 * Completion of HR's {@code Task_ConfirmProposals}: either changes one proposal (with a mandatory
 * reason; the task comes back with the updated table) or confirms all, naming the HR user. HR may
 * also raise a termination review, allowed only after a failed improvement plan or with HR's
 * explicit override for a serious breach of company rules (issue 17).
 */
@Component
class ConfirmProposalsListener implements TaskListener {

    private final EvaluationService evaluations;
    private final EvaluationTables tables;
    private final FourEyes fourEyes;
    private final ImprovementPlanService plans;

    ConfirmProposalsListener(EvaluationService evaluations, EvaluationTables tables, FourEyes fourEyes,
            ImprovementPlanService plans) {
        this.evaluations = evaluations;
        this.tables = tables;
        this.fourEyes = fourEyes;
        this.plans = plans;
    }

    @Override
    public void notify(DelegateTask task) {
        String user = TaskActor.required(task);
        Quarter quarter = QUARTER.present(task);
        String company = COMPANY_CODE.get(task);
        String decision = HR_DECISION.required(task, "请选择：确认或修改 / choose confirm or change");
        if ("change".equals(decision)) {
            String person = CHANGE_PERSON_CODE.required(task, "请选择要修改的人员。/ Choose the person whose proposal changes.");
            fourEyes.notOwnPerson(user, person, "修改本人的奖罚建议");
            evaluations.changeProposal(quarter, company, person, CHANGE_OUTCOME.get(task), changeAmount(task),
                    CHANGE_REASON.get(task), user);
            ProposalVariables.set(task, tables, quarter, company);
            task.removeVariable(CHANGE_PERSON_CODE.name());
            task.removeVariable(CHANGE_OUTCOME.name());
            task.removeVariable(CHANGE_REASON.name());
            task.removeVariable(CHANGE_AMOUNT.name());
            return;
        }
        if (!"confirm".equals(decision)) {
            throw new BadUserRequestException("hrDecision must be confirm or change, got '" + decision + "'");
        }
        String termination = TERMINATION_PERSON_CODE.get(task);
        if (termination != null) {
            evaluations.requireEvaluated(quarter, company, termination);
            fourEyes.notOwnPerson(user, termination, "对本人提出解除劳动关系评审");
            TERMINATION_BASIS.set(task, terminationBasis(task, quarter, termination, user));
            TERMINATION_PERSON_NAME.set(task, tables.name(termination));
            task.setVariable(TERMINATION_PLAN_TABLE, Spin.JSON(tables.planTableOf(termination)));
        }
        TERMINATION_FLAGGED.set(task, termination != null);
        HR_CONFIRMED_BY.set(task, user);
        NEEDS_GENERAL_MANAGER.set(task, evaluations.needsGeneralManager(quarter, company));
    }

    /**
     * Termination needs a failed improvement plan (seed: documented guidance has failed), or HR's
     * explicit override with the reason, for a serious breach of company rules (严重违反公司规定).
     */
    private String terminationBasis(DelegateTask task, Quarter quarter, String person, String user) {
        if (plans.hasFailedPlan(person)) {
            return "改进计划未达成 The improvement plan failed";
        }
        if (!Boolean.TRUE.equals(TERMINATION_OVERRIDE.get(task))) {
            throw new BadUserRequestException("人员 " + person + " 没有未达成的改进计划，不能提出解除劳动关系评审；"
                    + "仅在严重违反公司规定时，人力资源部可特批并说明理由。/ Termination needs a failed improvement plan, "
                    + "or HR's override with a reason for a serious breach of company rules.");
        }
        String reason = TERMINATION_OVERRIDE_REASON.required(task, "特批须写明严重违反公司规定的事实 / the override needs "
                + "the reason: the serious breach of company rules");
        evaluations.recordDecision("TERMINATION_OVERRIDE:" + quarter + ":" + person, person, quarter, "PENALTY",
                "人力资源部特批解除劳动关系评审（严重违反公司规定，无未达成的改进计划）HR override for a termination review "
                        + "(serious breach of company rules, no failed plan): " + reason, user);
        return "人力资源部特批（严重违反公司规定）HR override, serious breach of company rules: " + reason;
    }

    private static BigDecimal changeAmount(DelegateTask task) {
        try {
            return CHANGE_AMOUNT.get(task);
        } catch (NumberFormatException e) {
            throw new BadUserRequestException("金额须为数字 / the sum must be a number");
        }
    }
}
