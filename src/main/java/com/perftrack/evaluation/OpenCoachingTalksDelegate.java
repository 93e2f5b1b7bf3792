package com.perftrack.evaluation;

import com.perftrack.calendar.BusinessCalendar;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task {@code Task_OpenCoachingTalks} of {@code coaching-scheduler}: last month's talks, every company. */
@Component
class OpenCoachingTalksDelegate implements JavaDelegate {

    private final CoachingService coaching;
    private final BusinessCalendar calendar;

    OpenCoachingTalksDelegate(CoachingService coaching, BusinessCalendar calendar) {
        this.coaching = coaching;
        this.calendar = calendar;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var opened = coaching.open(calendar.currentPeriod().previous(), null);
        execution.setVariable("talksOpened", opened.size());
    }
}
