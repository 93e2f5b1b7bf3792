package com.perftrack.evaluation;

import com.perftrack.calendar.Quarter;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Q4 annual step. HR proposes year-end bonus, promotion or extra leave, one per line
 * {@code personCode;YEAR_END_BONUS|PROMOTION|EXTRA_LEAVE|SPECIAL_CONTRIBUTION;reason}; the general
 * manager approves and each approved award is archived as a reward.
 */
@Component
class AnnualAwardsListener implements TaskListener {

    static final List<String> AWARDS = List.of("YEAR_END_BONUS", "PROMOTION", "EXTRA_LEAVE", "SPECIAL_CONTRIBUTION");

    private final EvaluationService evaluations;

    AnnualAwardsListener(EvaluationService evaluations) {
        this.evaluations = evaluations;
    }

    @Override
    public void notify(DelegateTask task) {
        String user = HumanUser.completing(task);
        Quarter quarter = Quarter.parse((String) task.getVariable("quarter"));
        String proposals = HumanUser.text(task, "annualProposals");
        List<String[]> lines = proposals == null ? List.of() : proposals.lines().map(String::trim)
                .filter(l -> !l.isEmpty()).map(l -> l.split(";", 3)).toList();
        for (String[] line : lines) {
            if (line.length < 3 || !AWARDS.contains(line[1].trim()) || line[2].isBlank()) {
                throw new BadUserRequestException("每行格式：人员代码;奖励类型;理由 / each line: personCode;"
                        + String.join("|", AWARDS) + ";reason — got '" + String.join(";", line) + "'");
            }
        }
        if ("Task_ProposeAnnualAwards".equals(task.getTaskDefinitionKey())) {
            task.setVariable("annualProposedBy", user);
            return;
        }
        String decision = HumanUser.required(task, "gmAnnualDecision", "请选择：批准或不批准 / approve or reject");
        if (!"approve".equals(decision)) {
            return;
        }
        for (String[] line : lines) {
            evaluations.recordDecision("ANNUAL_AWARD:" + quarter.year() + ":" + line[0].trim() + ":" + line[1].trim(),
                    line[0].trim(), quarter, "REWARD", "年度奖励 annual award " + line[1].trim() + "（"
                            + quarter.year() + "）：" + line[2].trim() + "；提议 proposed by "
                            + task.getVariable("annualProposedBy") + "，批准 approved by " + user, user);
        }
    }
}
