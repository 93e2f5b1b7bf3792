package com.perftrack.evaluation;

import static com.perftrack.evaluation.QuarterlyEvaluationVariables.*;
import com.perftrack.calendar.Quarter;
import com.perftrack.security.TaskActor;
import java.math.BigDecimal;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion of HR's {@code Task_ConfirmProposals}: either changes one proposal (with a mandatory
 * reason; the task comes back with the updated table) or confirms all, naming the HR user. HR may
 * also raise a termination review, allowed only after documented improvement guidance.
 */
@Component
class ConfirmProposalsListener implements TaskListener {

    private final EvaluationService evaluations;
    private final EvaluationTables tables;
    private final FourEyes fourEyes;

    ConfirmProposalsListener(EvaluationService evaluations, EvaluationTables tables, FourEyes fourEyes) {
        this.evaluations = evaluations;
        this.tables = tables;
        this.fourEyes = fourEyes;
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
        }
        if (termination != null && !evaluations.hasDocumentedGuidance(quarter, termination)) {
            throw new BadUserRequestException("人员 " + termination + " 没有已确认的改进指导记录，不能提出解除劳动关系评审 / "
                    + "termination needs documented improvement guidance (a confirmed earlier warning) first");
        }
        TERMINATION_FLAGGED.set(task, termination != null);
        if (termination != null) {
            TERMINATION_PERSON_NAME.set(task, tables.name(termination));
        }
        HR_CONFIRMED_BY.set(task, user);
        NEEDS_GENERAL_MANAGER.set(task, evaluations.needsGeneralManager(quarter, company));
    }

    private static BigDecimal changeAmount(DelegateTask task) {
        try {
            return CHANGE_AMOUNT.get(task);
        } catch (NumberFormatException e) {
            throw new BadUserRequestException("金额须为数字 / the sum must be a number");
        }
    }
}
