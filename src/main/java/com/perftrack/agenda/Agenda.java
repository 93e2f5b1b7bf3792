package com.perftrack.agenda;

import java.time.LocalDateTime;
import java.util.List;

/** A meeting agenda: purpose, start, length and the timed items in speaking order. */
public record Agenda(Long id, String companyCode, String period, String purpose, LocalDateTime meetingStart,
        int lengthMinutes, int freeDiscussionMinutes, int bufferMinutes, String status, String confirmedBy,
        List<Item> items, List<String> notes) {

    /** An agenda without meeting notes. */
    public Agenda(Long id, String companyCode, String period, String purpose, LocalDateTime meetingStart,
            int lengthMinutes, int freeDiscussionMinutes, int bufferMinutes, String status, String confirmedBy,
            List<Item> items) {
        this(id, companyCode, period, purpose, meetingStart, lengthMinutes, freeDiscussionMinutes, bufferMinutes, status,
                confirmedBy, items, List.of());
    }

    public Agenda {
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** The same agenda carrying the given meeting notes (备注). */
    public Agenda withNotes(List<String> meetingNotes) {
        return new Agenda(id, companyCode, period, purpose, meetingStart, lengthMinutes, freeDiscussionMinutes,
                bufferMinutes, status, confirmedBy, items, meetingNotes);
    }

    public enum Kind { DEPARTMENT_REPORT, ACTION_FOLLOW_UP, FREE_DISCUSSION, BUFFER }

    public record Item(int position, Kind kind, String department, Long actionId, String title, int minutes) {}

    public int totalMinutes() {
        return items.stream().mapToInt(Item::minutes).sum();
    }

    public boolean fits() {
        return totalMinutes() <= lengthMinutes;
    }

    public LocalDateTime meetingEnd() {
        return meetingStart.plusMinutes(lengthMinutes);
    }

    /** The agenda as readable text (Chinese first), for forms and mails. */
    public String asText() {
        StringBuilder text = new StringBuilder();
        text.append("会议目的 Purpose: ").append(purpose).append('\n')
                .append("时间 Time: ").append(meetingStart.toLocalDate()).append(' ')
                .append(meetingStart.toLocalTime()).append('–').append(meetingEnd().toLocalTime())
                .append("（").append(lengthMinutes).append(" 分钟 min）\n");
        LocalDateTime at = meetingStart;
        for (Item item : items) {
            text.append(item.position()).append(". ").append(at.toLocalTime()).append(' ')
                    .append(item.title()).append(" — ").append(item.minutes()).append(" 分钟\n");
            at = at.plusMinutes(item.minutes());
        }
        text.append("合计 Total: ").append(totalMinutes()).append(" / ").append(lengthMinutes).append(" 分钟");
        if (!notes.isEmpty()) {
            text.append("\n备注 Notes:");
            notes.forEach(note -> text.append("\n- ").append(note));
        }
        return text.toString();
    }
}
