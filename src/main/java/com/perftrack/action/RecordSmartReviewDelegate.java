package com.perftrack.action;

import com.perftrack.calendar.BusinessCalendar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code Task_RecordSmartReview}: the standing office's S/M/A/R/T checklist. The form
 * complies only when every item is ticked; otherwise the unticked items and the reviewer's comment
 * go back to the author ({@code smartFeedback}).
 */
@Component
class RecordSmartReviewDelegate implements JavaDelegate {

    static final Map<String, String> CHECKLIST = new LinkedHashMap<>();

    static {
        CHECKLIST.put("smartSpecific", "S 具体 specific");
        CHECKLIST.put("smartMeasurable", "M 可衡量 measurable");
        CHECKLIST.put("smartAchievable", "A 可实现 achievable");
        CHECKLIST.put("smartRelevant", "R 相关 relevant");
        CHECKLIST.put("smartTimeBound", "T 有时限 time-bound");
    }

    private final ActionRepository repository;
    private final BusinessCalendar calendar;

    RecordSmartReviewDelegate(ActionRepository repository, BusinessCalendar calendar) {
        this.repository = repository;
        this.calendar = calendar;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long actionId = ((Number) execution.getVariable("actionId")).longValue();
        int round = ((Number) execution.getVariable("smartRound")).intValue();
        List<String> ticked = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        CHECKLIST.forEach((variable, label) -> {
            if (Boolean.TRUE.equals(execution.getVariable(variable))) {
                ticked.add(label.substring(0, 1));
            } else {
                missing.add(label);
            }
        });
        Object comment = execution.getVariable("reviewComment");
        String note = comment == null ? "" : comment.toString().trim();
        boolean compliant = missing.isEmpty();
        String reasons = compliant ? note : "未满足 not met: " + String.join("、", missing)
                + (note.isEmpty() ? "" : "\n意见 comment: " + note);
        Object reviewer = execution.getVariable("reviewedBy");
        repository.recordReview(actionId, round, "REVIEW", compliant, String.join(",", ticked), reasons,
                reviewer == null ? null : reviewer.toString(), calendar.now());
        execution.setVariable("smartCompliant", compliant);
        execution.setVariable("smartFeedback", compliant ? ""
                : "第 " + round + " 轮 SMART 审核未通过（市场部）/ SMART review not passed (round " + round + "):\n" + reasons);
    }
}
