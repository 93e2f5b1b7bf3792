package com.perftrack.action;

import com.perftrack.calendar.BusinessCalendar;
import com.perftrack.security.TaskActor;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of {@code Task_SubmitTenDayReport}: validates and stores the report in the
 * same transaction, so a refused report keeps the task open with the message shown in Tasklist.
 * The form's values are the subprocess instance's local variables, so parallel reports never mix.
 */
@Component
class TenDayReportListener implements TaskListener {

    private final ActionRepository repository;
    private final BusinessCalendar calendar;

    TenDayReportListener(ActionRepository repository, BusinessCalendar calendar) {
        this.repository = repository;
        this.calendar = calendar;
    }

    @Override
    public void notify(DelegateTask task) {
        long actionId = ((Number) task.getVariable("actionId")).longValue();
        LocalDate dueDate = LocalDate.parse((String) task.getVariable("reportDate"));
        BigDecimal progress = decimal(task.getVariable("progressPct"));
        if (progress == null || progress.signum() < 0 || progress.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new BadUserRequestException("进度须在 0 到 100 之间 / progress must be between 0 and 100 %, got " + progress);
        }
        BigDecimal indicator = decimal(task.getVariable("indicatorValue"));
        if (indicator == null) {
            throw new BadUserRequestException("请填写量化指标当前值 / the indicator's current value is required");
        }
        Object comment = task.getVariable("reportComment");
        repository.upsertReport(actionId, dueDate, progress, indicator, comment == null ? null : comment.toString(),
                TaskActor.of(task), calendar.now());
    }

    private static BigDecimal decimal(Object value) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new BadUserRequestException("不是数字 / not a number: " + value);
        }
    }
}
