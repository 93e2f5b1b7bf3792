package com.perftrack.action;

import com.perftrack.calendar.BusinessCalendar;
import com.perftrack.kpi.Kpi;
import com.perftrack.kpi.KpiCatalog;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code Task_SmartPreCheck}: stores the submitted form as the action's draft, counts
 * the round and runs the automatic SMART pre-check. Reasons go back to the author's form
 * ({@code smartFeedback}); {@code preCheckPassed} steers the gateway.
 */
@Component
class SmartPreCheckDelegate implements JavaDelegate {

    private final ActionRepository repository;
    private final KpiCatalog kpis;
    private final BusinessCalendar calendar;
    private final ActionSettings settings;

    SmartPreCheckDelegate(ActionRepository repository, KpiCatalog kpis, BusinessCalendar calendar,
            ActionSettings settings) {
        this.repository = repository;
        this.kpis = kpis;
        this.calendar = calendar;
        this.settings = settings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long actionId = ((Number) execution.getVariable("actionId")).longValue();
        Object finding = execution.getVariable("findingId");
        ActionDraft draft = new ActionDraft(finding == null ? null : ((Number) finding).longValue(),
                text(execution, "item"), text(execution, "deadline"), text(execution, "responsibleDepartment"),
                text(execution, "responsiblePerson"), text(execution, "expectedResult"), text(execution, "measures"));
        Map<String, String> catalogue = new LinkedHashMap<>();
        for (Kpi kpi : kpis.all()) {
            catalogue.put(kpi.code(), kpi.nameZh());
        }
        List<String> reasons = new SmartPreCheck(catalogue, settings.deadlineHorizonDays()).check(draft, calendar.today());
        int round = ((Number) execution.getVariable("smartRound")).intValue() + 1;
        repository.saveDraft(actionId, draft, deadlineOrNull(draft.deadline()), round);
        repository.recordReview(actionId, round, "PRE_CHECK", reasons.isEmpty(), null, String.join("\n", reasons),
                "system", calendar.now());
        execution.setVariable("smartRound", round);
        execution.setVariable("preCheckPassed", reasons.isEmpty());
        execution.setVariable("smartFeedback", reasons.isEmpty() ? ""
                : "第 " + round + " 轮自动预检未通过 / automatic pre-check failed (round " + round + "):\n- "
                        + String.join("\n- ", reasons));
    }

    private static LocalDate deadlineOrNull(String text) {
        try {
            return text == null || text.isBlank() ? null : SmartPreCheck.parseDate(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? null : value.toString();
    }
}
