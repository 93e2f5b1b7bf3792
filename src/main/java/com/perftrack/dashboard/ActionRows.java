package com.perftrack.dashboard;

import com.perftrack.action.ActionView;
import com.perftrack.dashboard.DashboardViews.ActionRow;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The dashboard's action list (issue 11): one row per action as the committee sees it. A
 * cross-department finding has one action process per responsible department (each writes and
 * reports its part) but one owner, the general manager: its parts make one row with every
 * department's name, the latest deadline, the latest ten-day report and the lowest progress (the
 * action is as far as its slowest part). People and departments by name, never by id. Plain Java.
 */
final class ActionRows {

    private static final List<String> STAGES = List.of(ActionView.DRAFT, ActionView.OPEN, ActionView.DONE);

    /** An open action due within this many days (today included) is flagged 临近期限. */
    static final int DUE_SOON_DAYS = 7;
    static final String DONE = "done";
    static final String DRAFT = "draft";
    static final String OVERDUE = "overdue";
    static final String DUE_SOON = "dueSoon";
    static final String ON_TRACK = "onTrack";

    private ActionRows() {
    }

    static List<ActionRow> of(List<ActionView> actions, LocalDate today, Function<String, String> personName,
            BiFunction<String, String, String> departmentName, Function<String, String> groupName) {
        Map<String, List<ActionView>> byAction = new LinkedHashMap<>();
        for (ActionView a : actions) {
            String key = a.crossDepartment() ? "F" + a.findingId() : "A" + a.actionId();
            byAction.computeIfAbsent(key, k -> new ArrayList<>()).add(a);
        }
        List<ActionRow> rows = new ArrayList<>();
        byAction.values().forEach(parts -> rows.add(row(parts, today, personName, departmentName, groupName)));
        rows.sort(Comparator.comparing(ActionRow::deadline, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(r -> r.actionIds().get(0)));
        return rows;
    }

    private static ActionRow row(List<ActionView> parts, LocalDate today, Function<String, String> personName,
            BiFunction<String, String, String> departmentName, Function<String, String> groupName) {
        ActionView first = parts.get(0);
        Set<String> items = new LinkedHashSet<>();
        List<String> departments = new ArrayList<>();
        List<String> departmentNames = new ArrayList<>();
        LocalDate deadline = null;
        LocalDate lastReport = null;
        BigDecimal progress = null;
        String status = ActionView.DONE;
        for (ActionView part : parts) {
            if (part.item() != null && !part.item().isBlank()) {
                items.add(part.item().trim());
            }
            departments.add(part.responsibleDepartment());
            departmentNames.add(departmentName.apply(part.companyCode(), part.responsibleDepartment()));
            deadline = later(deadline, part.deadline());
            lastReport = later(lastReport, part.lastReportDate());
            if (part.lastProgressPct() != null && (progress == null || part.lastProgressPct().compareTo(progress) < 0)) {
                progress = part.lastProgressPct();
            }
            if (STAGES.indexOf(part.status()) < STAGES.indexOf(status)) {
                status = part.status();
            }
        }
        String ownerName = first.ownerUserId() != null && !first.ownerUserId().isBlank()
                ? personName.apply(first.ownerUserId()) : groupName.apply(first.ownerGroup());
        String responsible = first.crossDepartment() || first.responsiblePerson() == null
                || first.responsiblePerson().isBlank() || Objects.equals(first.responsiblePerson(), first.ownerUserId())
                ? null : personName.apply(first.responsiblePerson());
        return new ActionRow(parts.stream().map(ActionView::actionId).toList(), first.findingId(), first.companyCode(),
                first.period(), String.join("；", items), first.crossDepartment(), departments,
                String.join("、", departmentNames), ownerName, responsible, deadline, lastReport,
                progress == null ? null : DashboardViews.plain(progress), status, timeliness(status, deadline, today));
    }

    /**
     * What the list's icon says (issue 15, not by colour alone): {@code done}; {@code draft} while the
     * form is written and reviewed; an open action past its deadline {@code overdue} (as
     * {@link ActionView#overdue()} counts it); due within {@link #DUE_SOON_DAYS} days {@code dueSoon};
     * otherwise (or without a deadline) {@code onTrack}.
     */
    static String timeliness(String status, LocalDate deadline, LocalDate today) {
        if (ActionView.DONE.equals(status)) {
            return DONE;
        }
        if (ActionView.DRAFT.equals(status)) {
            return DRAFT;
        }
        if (deadline == null) {
            return ON_TRACK;
        }
        if (deadline.isBefore(today)) {
            return OVERDUE;
        }
        return deadline.isBefore(today.plusDays(DUE_SOON_DAYS)) ? DUE_SOON : ON_TRACK;
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }
}
