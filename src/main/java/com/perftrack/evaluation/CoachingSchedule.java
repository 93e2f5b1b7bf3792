package com.perftrack.evaluation;

import com.perftrack.calendar.BusinessCalendar;
import java.time.LocalDate;
import java.util.Date;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When coaching talks open and fall due: {@code ${coachingSchedule.cron}} (default 08:00 on the 10th,
 * for the month before: its figures are in by then) and {@code ${coachingSchedule.at(dueDate)}}.
 */
@Component("coachingSchedule")
public class CoachingSchedule {

    private final String cron;
    private final BusinessCalendar calendar;

    public CoachingSchedule(@Value("${ptc.coaching.cron:0 0 8 10 * ?}") String cron, BusinessCalendar calendar) {
        this.cron = cron;
        this.calendar = calendar;
    }

    public String getCron() {
        return cron;
    }

    public Date at(String isoDate) {
        return Date.from(LocalDate.parse(isoDate).atTime(ImprovementPlanSchedule.HOUR, 0).atZone(calendar.zone()).toInstant());
    }
}
