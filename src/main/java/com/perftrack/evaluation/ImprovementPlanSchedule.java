package com.perftrack.evaluation;

import com.perftrack.calendar.BusinessCalendar;
import java.time.LocalDate;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * When an improvement plan's dated step is due: 09:00 of that day in the installation's time zone.
 * Used by the model as {@code ${improvementPlanSchedule.at(checkInDate)}}.
 */
@Component("improvementPlanSchedule")
public class ImprovementPlanSchedule {

    static final int HOUR = 9;

    private final BusinessCalendar calendar;

    public ImprovementPlanSchedule(BusinessCalendar calendar) {
        this.calendar = calendar;
    }

    public Date at(String isoDate) {
        return Date.from(LocalDate.parse(isoDate).atTime(HOUR, 0).atZone(calendar.zone()).toInstant());
    }
}
