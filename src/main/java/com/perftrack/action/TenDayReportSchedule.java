package com.perftrack.action;

import com.perftrack.calendar.BusinessCalendar;
import java.time.LocalDate;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * Turns a ten-day report date into the moment its timer fires: {@code ptc.action.report-hour}
 * (default 09:00) in the installation's time zone. Used by the model as
 * {@code ${tenDayReportSchedule.dueAt(reportDate)}}.
 */
@Component("tenDayReportSchedule")
public class TenDayReportSchedule {

    private final BusinessCalendar calendar;
    private final ActionSettings settings;

    public TenDayReportSchedule(BusinessCalendar calendar, ActionSettings settings) {
        this.calendar = calendar;
        this.settings = settings;
    }

    public Date dueAt(String isoDate) {
        return at(LocalDate.parse(isoDate));
    }

    Date at(LocalDate date) {
        return Date.from(date.atTime(settings.reportHour(), 0).atZone(calendar.zone()).toInstant());
    }
}
