package com.perftrack.agenda;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ptc.agenda.*}: how the draft agenda is timed. The meeting takes place
 * {@code meetingDayOffset} days after the drafting, at {@code meetingTime}.
 */
@ConfigurationProperties("ptc.agenda")
record AgendaSettings(Integer meetingLengthMinutes, Integer salesMinutes, Integer departmentMinutes,
        Integer minimumSpeakerMinutes, Integer followUpMinutesPerAction, Integer freeDiscussionMinutes,
        Integer bufferMinutes, Integer meetingDayOffset, String meetingTime) {

    public AgendaSettings {
        meetingLengthMinutes = orDefault(meetingLengthMinutes, 120);
        salesMinutes = orDefault(salesMinutes, 20);
        departmentMinutes = orDefault(departmentMinutes, 12);
        minimumSpeakerMinutes = orDefault(minimumSpeakerMinutes, 5);
        followUpMinutesPerAction = orDefault(followUpMinutesPerAction, 3);
        freeDiscussionMinutes = orDefault(freeDiscussionMinutes, 15);
        bufferMinutes = orDefault(bufferMinutes, 10);
        meetingDayOffset = orDefault(meetingDayOffset, 2);
        meetingTime = meetingTime == null || meetingTime.isBlank() ? "09:00" : meetingTime;
    }

    public static AgendaSettings defaults() {
        return new AgendaSettings(null, null, null, null, null, null, null, null, null);
    }

    private static Integer orDefault(Integer value, int fallback) {
        return value == null ? fallback : value;
    }
}
