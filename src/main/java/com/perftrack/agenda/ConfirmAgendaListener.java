package com.perftrack.agenda;

import com.perftrack.agenda.AgendaPlanner.FollowUp;
import com.perftrack.agenda.AgendaPlanner.Timing;
import com.perftrack.calendar.BusinessCalendar;
import com.perftrack.security.TaskActor;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code Task_ConfirmAgenda}: the secretary-general edits and confirms the agenda. On create the
 * form is pre-filled from the draft; on complete the agenda is planned again from the edited
 * values and refused, with the reason, if it does not fit the meeting length or a value is bad.
 */
@Component("confirmAgendaListener")
class ConfirmAgendaListener implements TaskListener {

    /** Column agenda.purpose (V3). */
    static final int MAX_PURPOSE = 1000;

    private final AgendaService agendas;
    private final AgendaSettings settings;
    private final BusinessCalendar calendar;

    private final PeriodResultLines periodResults;

    ConfirmAgendaListener(AgendaService agendas, AgendaSettings settings, BusinessCalendar calendar,
            PeriodResultLines periodResults) {
        this.periodResults = periodResults;
        this.agendas = agendas;
        this.settings = settings;
        this.calendar = calendar;
    }

    @Override
    public void notify(DelegateTask task) {
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            prefill(task);
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            confirm(task);
        }
    }

    private void prefill(DelegateTask task) {
        String company = (String) task.getVariable("companyCode");
        String period = (String) task.getVariable("period");
        var draft = agendas.find(company, period);
        List<String> order = speakers(task);
        LocalDateTime start = draft.map(Agenda::meetingStart).orElse(calendar.today()
                .plusDays(settings.meetingDayOffset()).atTime(LocalTime.parse(settings.meetingTime())));
        // on the execution: the completed form's values land there and must not be shadowed
        task.getExecution().setVariableLocal("speakerOrder", String.join(", ", order));
        task.getExecution().setVariableLocal("speakerNames", String.join("，", order.stream()
                .map(d -> AgendaPlanner.DEPARTMENT_NAMES.getOrDefault(d, d) + " " + d).toList()));
        task.getExecution().setVariableLocal("meetingNotesText", String.join("\n", draft.map(Agenda::notes)
                .filter(n -> !n.isEmpty()).orElse(settings.meetingNotes()).stream().map(n -> "- " + n).toList()));
        task.getExecution().setVariablesLocal(Map.of(
                "agendaPurpose", draft.map(Agenda::purpose).orElse("审议 " + period + " 业绩 / Review " + period),
                "meetingDate", start.toLocalDate().toString(),
                "meetingTime", start.toLocalTime().toString(),
                "meetingLengthMinutes", draft.map(Agenda::lengthMinutes).orElse(settings.meetingLengthMinutes()),
                "salesMinutes", minutesOf(draft.orElse(null), Agenda.Kind.DEPARTMENT_REPORT, "sales", settings.salesMinutes()),
                "departmentMinutes", minutesOf(draft.orElse(null), Agenda.Kind.DEPARTMENT_REPORT, null, settings.departmentMinutes()),
                "followUpMinutesPerAction", minutesOf(draft.orElse(null), Agenda.Kind.ACTION_FOLLOW_UP, null,
                        settings.followUpMinutesPerAction()),
                "freeDiscussionMinutes", draft.map(Agenda::freeDiscussionMinutes).orElse(settings.freeDiscussionMinutes()),
                "bufferMinutes", draft.map(Agenda::bufferMinutes).orElse(settings.bufferMinutes())));
    }

    private static int minutesOf(Agenda agenda, Agenda.Kind kind, String salesOrOther, int fallback) {
        if (agenda == null) {
            return fallback;
        }
        return agenda.items().stream()
                .filter(i -> i.kind() == kind)
                .filter(i -> kind != Agenda.Kind.DEPARTMENT_REPORT
                        || ("sales".equals(salesOrOther) == "sales".equals(i.department())))
                .mapToInt(Agenda.Item::minutes).findFirst().orElse(fallback);
    }

    private void confirm(DelegateTask task) {
        String company = (String) task.getVariable("companyCode");
        String period = (String) task.getVariable("period");
        List<String> problems = new ArrayList<>();
        LocalDate date = parse(() -> LocalDate.parse(text(task, "meetingDate")), "会议日期应为 YYYY-MM-DD / meeting date", problems);
        LocalTime time = parse(() -> LocalTime.parse(text(task, "meetingTime")), "开始时间应为 HH:MM / start time", problems);
        String purpose = text(task, "agendaPurpose");
        if (purpose.isBlank()) {
            problems.add("会议目的不能为空 / purpose is required");
        } else if (purpose.length() > MAX_PURPOSE) {
            problems.add("会议目的最多 " + MAX_PURPOSE + " 个字符，现为 " + purpose.length() + " / the purpose holds at most "
                    + MAX_PURPOSE + " characters, got " + purpose.length());
        }
        Timing timing = new Timing(number(task, "meetingLengthMinutes", problems), number(task, "salesMinutes", problems),
                number(task, "departmentMinutes", problems), number(task, "followUpMinutesPerAction", problems),
                number(task, "freeDiscussionMinutes", problems), number(task, "bufferMinutes", problems));
        List<String> reporting = speakers(task);
        List<String> order = java.util.Arrays.stream(text(task, "speakerOrder").split("[,，、;\\s]+"))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (order.isEmpty()) {
            order = reporting;
        } else if (order.size() != reporting.size() || !new java.util.HashSet<>(order).equals(new java.util.HashSet<>(reporting))) {
            problems.add("发言顺序须列出本次汇报的每个部门各一次：" + String.join(", ", reporting)
                    + " / the speaking order must name each reporting department once");
        }
        if (date != null && date.isBefore(calendar.today())) {
            problems.add("会议日期不能早于今天 / the meeting cannot be in the past");
        }
        if (!problems.isEmpty()) {
            throw new BadUserRequestException(String.join("；", problems));
        }
        @SuppressWarnings("unchecked")
        Collection<Number> followUpIds = (Collection<Number>) task.getVariable("followUpActionIds");
        Map<Long, Agenda.Item> draftFollowUps = new java.util.HashMap<>();
        agendas.find(company, period).ifPresent(a -> a.items().stream()
                .filter(i -> i.kind() == Agenda.Kind.ACTION_FOLLOW_UP)
                .forEach(i -> draftFollowUps.put(i.actionId(), i)));
        List<FollowUp> followUps = followUpIds.stream().map(Number::longValue)
                .map(id -> new FollowUp(id, titleOf(draftFollowUps.get(id)), departmentOf(draftFollowUps.get(id))))
                .toList();
        Agenda agenda;
        try {
            agenda = AgendaPlanner.plan(company, period, purpose, LocalDateTime.of(date, time), order,
                    followUps, timing, true);
        } catch (IllegalArgumentException e) {
            throw new BadUserRequestException(e.getMessage());
        }
        String user = TaskActor.of(task);
        List<String> notes = agendas.find(company, period).map(Agenda::notes).filter(n -> !n.isEmpty())
                .orElse(settings.meetingNotes());
        Agenda confirmed = new Agenda(null, company, period, purpose, agenda.meetingStart(), agenda.lengthMinutes(),
                agenda.freeDiscussionMinutes(), agenda.bufferMinutes(), "confirmed", user, agenda.items(), notes);
        // the meeting's reports follow the confirmed speaking order
        task.getExecution().setVariable("reportingDepartments", new ArrayList<>(order));
        long id = agendas.save(confirmed, user, calendar.now());
        task.getExecution().setVariable("agendaId", id);
        task.getExecution().setVariable("agendaText", DraftAgendaDelegate.clip(confirmed.asText()
                + periodResults.text(company, period)));
    }

    /** The departments that report at this meeting, in the draft's speaking order. */
    @SuppressWarnings("unchecked")
    private static List<String> speakers(DelegateTask task) {
        Object value = task.getVariable("reportingDepartments");
        return value instanceof Collection<?> c ? c.stream().map(String::valueOf).toList() : List.of();
    }

    private static String titleOf(Agenda.Item item) {
        return item == null ? "" : item.title().replaceFirst("^上期改进行动跟进 #\\d+：", "");
    }

    private static String departmentOf(Agenda.Item item) {
        return item == null ? null : item.department();
    }

    private static String text(DelegateTask task, String name) {
        Object value = task.getVariable(name);
        return value == null ? "" : value.toString().trim();
    }

    private static int number(DelegateTask task, String name, List<String> problems) {
        Object value = task.getVariable(name);
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && n.intValue() >= 0) {
            return n.intValue();
        }
        try {
            int parsed = Integer.parseInt(String.valueOf(value).trim());
            if (parsed >= 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(name + " 应为非负整数分钟 / must be whole minutes, got '" + value + "'");
        return 0;
    }

    private static <T> T parse(java.util.function.Supplier<T> parser, String message, List<String> problems) {
        try {
            return parser.get();
        } catch (DateTimeException e) {
            problems.add(message);
            return null;
        }
    }
}
