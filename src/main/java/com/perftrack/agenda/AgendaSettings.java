package com.perftrack.agenda;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ptc.agenda.*}: how the draft agenda is timed. The meeting takes place
 * {@code meetingDayOffset} days after the drafting, at {@code meetingTime}. {@code meetingNotes}: the
 * notes (备注) every agenda and its export carry; default the method's two.
 */
@ConfigurationProperties("ptc.agenda")
record AgendaSettings(Integer meetingLengthMinutes, Integer salesMinutes, Integer departmentMinutes,
        Integer minimumSpeakerMinutes, Integer followUpMinutesPerAction, Integer freeDiscussionMinutes,
        Integer bufferMinutes, Integer meetingDayOffset, String meetingTime, java.util.List<String> meetingNotes) {

    /** The seed's notes: 与会人员必须严格控制发言时间；开会时请将手机调到震动，不得发出响声. */
    static final java.util.List<String> SEED_NOTES = java.util.List.of(
            "与会人员必须严格控制发言时间 / keep strictly to your speaking time",
            "开会时请将手机调到震动，不得发出响声 / phones on vibrate, no ringing");


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
        meetingNotes = meetingNotes == null ? SEED_NOTES
                : meetingNotes.stream().filter(n -> n != null && !n.isBlank()).map(String::trim).toList();
    }

    public static AgendaSettings defaults() {
        return new AgendaSettings(null, null, null, null, null, null, null, null, null, null);
    }

    private static Integer orDefault(Integer value, int fallback) {
        return value == null ? fallback : value;
    }
}
