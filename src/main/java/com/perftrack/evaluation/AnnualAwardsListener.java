package com.perftrack.evaluation;

import static com.perftrack.evaluation.QuarterlyEvaluationVariables.*;
import com.perftrack.calendar.Quarter;
import com.perftrack.process.ProcessVariable;
import com.perftrack.security.TaskActor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * Q4 annual step. When HR's {@code Task_ProposeAnnualAwards} is created the server puts the
 * company's people with a score this year into it as picker options; HR picks people per award
 * (year-end bonus, promotion, extra leave, special contribution) and gives one reason per award that
 * has people. The general manager sees the proposals as a table and approves or rejects them; each
 * approved award is archived as a reward.
 */
@Component
class AnnualAwardsListener implements TaskListener {

    static final String PERSON_OPTIONS = "annualPersonOptions";
    static final String PROPOSAL_TABLE = "annualProposalTable";

    /** One proposed award: a person, what, why. */
    record Proposal(String personCode, AnnualAward award, String reason) {
    }

    private final EvaluationService evaluations;
    private final EvaluationTables tables;

    AnnualAwardsListener(EvaluationService evaluations, EvaluationTables tables) {
        this.evaluations = evaluations;
        this.tables = tables;
    }

    @Override
    public void notify(DelegateTask task) {
        Quarter quarter = QUARTER.present(task);
        String company = COMPANY_CODE.get(task);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            prefill(task, quarter, company);
            return;
        }
        String user = TaskActor.required(task);
        List<Proposal> proposals = proposals(task, quarter.year(), company);
        if ("Task_ProposeAnnualAwards".equals(task.getTaskDefinitionKey())) {
            ANNUAL_PROPOSED_BY.set(task, user);
            task.setVariable(PROPOSAL_TABLE, Spin.JSON(tables.annualProposalTable(proposals)));
            ANNUAL_PROPOSAL_COUNT.set(task, proposals.size());
            return;
        }
        String decision = GM_ANNUAL_DECISION.required(task, "请选择：批准或不批准 / approve or reject");
        if (!"approve".equals(decision)) {
            return;
        }
        List<RecognitionService.Honour> honours = new java.util.ArrayList<>();
        for (Proposal p : proposals) {
            honours.add(new RecognitionService.Honour(p.personCode(), p.award().chinese() + " "
                    + p.award().english() + "（" + quarter.year() + " 年度）", p.reason()));
            evaluations.recordDecision("ANNUAL_AWARD:" + quarter.year() + ":" + p.personCode() + ":" + p.award().name(),
                    p.personCode(), quarter, "REWARD", "年度奖励：" + p.award().chinese() + "（" + quarter.year()
                            + " 年）；理由：" + p.reason() + "；提议 proposed by " + ANNUAL_PROPOSED_BY.get(task)
                            + "，批准 approved by " + user, user);
        }
        evaluations.announce(new Recognised(RecognitionService.ANNUAL_AWARD, String.valueOf(quarter.year()),
                quarter.year() + " 年度奖励 annual awards", honours));
    }

    private void prefill(DelegateTask task, Quarter quarter, String company) {
        Map<String, Object> values = new HashMap<>();
        values.put(PERSON_OPTIONS, Spin.JSON(tables.annualPersonOptions(quarter.year(), company)));
        for (AnnualAward award : AnnualAward.values()) {
            // an empty Json list, not null: Tasklist submits a taglist with the type of the variable it
            // replaces, and a Null variable would make it send the list as type Null
            values.put(award.peopleVariable(), Spin.JSON("[]"));
        }
        // on the execution: completing writes the form's values there, task-local ones would shadow them
        task.getExecution().setVariables(values);
    }

    /** HR's picks, refused as a whole when a person is not one of the options or an award with people lacks its reason. */
    private List<Proposal> proposals(DelegateTask task, int year, String company) {
        Set<String> candidates = Set.copyOf(tables.annualCandidates(year, company));
        List<Proposal> proposals = new ArrayList<>();
        for (AnnualAward award : AnnualAward.values()) {
            Set<String> people = new LinkedHashSet<>(codes(task.getVariable(award.peopleVariable())));
            if (people.isEmpty()) {
                continue;
            }
            for (String person : people) {
                if (!candidates.contains(person)) {
                    // a client's value is echoed, not a page of it
                    String shown = person.length() > 40 ? person.substring(0, 40) + "…" : person;
                    throw new BadUserRequestException("「" + award.chinese() + "」中的人员 " + shown + " 不是本公司 " + year
                            + " 年有考核得分的人员，请从列表中选择。/ " + shown + " is not one of this company's people with a "
                            + "score in " + year + "; pick the " + award.english() + " from the list.");
                }
            }
            String reason = ProcessVariable.text(award.reasonVariable()).get(task);
            if (reason == null) {
                throw new BadUserRequestException("请填写「" + award.chinese() + "」的理由。/ Give the reason for the "
                        + award.english() + ".");
            }
            people.forEach(person -> proposals.add(new Proposal(person, award, reason)));
        }
        return proposals;
    }

    /** A taglist's person codes: a Json list from Tasklist, a list from the Java API, or comma-separated text. */
    static List<String> codes(Object value) {
        List<String> codes = new ArrayList<>();
        if (value instanceof SpinJsonNode node) {
            if (node.isArray()) {
                node.elements().forEach(e -> codes.add(e.isString() ? e.stringValue() : e.toString()));
            } else if (!node.isNull()) {
                // anything else is taken as text: a code nobody has is then refused by name
                codes.addAll(Arrays.asList((node.isString() ? node.stringValue() : node.toString()).split("[,，、;\\s]+")));
            }
        } else if (value instanceof Collection<?> collection) {
            collection.forEach(e -> codes.add(String.valueOf(e)));
        } else if (value != null) {
            codes.addAll(Arrays.asList(value.toString().split("[,，、;\\s]+")));
        }
        return codes.stream().map(String::trim).filter(c -> !c.isEmpty()).toList();
    }
}
