package com.perftrack.cycle;

import com.perftrack.action.ActionService;
import com.perftrack.action.ActionView;
import com.perftrack.archive.ArchiveEntry;
import com.perftrack.archive.ArchiveService;
import com.perftrack.meeting.DepartmentFeedback;
import com.perftrack.meeting.MeetingRecordService;
import com.perftrack.notification.Notifier;
import com.perftrack.organisation.OrgUnit;
import com.perftrack.organisation.OrganisationService;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Praise and criticism at the meeting that hears last cycle's results (SPEC.md section 2, step 8):
 * per department with results, 经验分享 when its actions improved, 批评 when one did not. Recorded in
 * the minutes (meeting), mailed to the department and written into the archive of the people
 * responsible for its actions.
 */
@Service
public class DepartmentFeedbacks {

    private final ActionService actions;
    private final MeetingRecordService record;
    private final ArchiveService archive;
    private final OrganisationService organisation;
    private final Notifier notifier;
    private final String from;

    public DepartmentFeedbacks(ActionService actions, MeetingRecordService record, ArchiveService archive,
            OrganisationService organisation, Notifier notifier,
            @Value("${ptc.mail.from:performance-tracking@localhost}") String from) {
        this.actions = actions;
        this.record = record;
        this.archive = archive;
        this.organisation = organisation;
        this.notifier = notifier;
        this.from = from;
    }

    /** The departments responsible for the actions, in the actions' order, each once. */
    public List<String> departments(List<?> actionIds) {
        Set<String> departments = new LinkedHashSet<>();
        for (ActionView action : of(actionIds, null)) {
            departments.add(action.responsibleDepartment());
        }
        return List.copyOf(departments);
    }

    /** The department's actions with their results, one line each. */
    public String summary(List<?> actionIds, String department) {
        List<String> lines = new ArrayList<>();
        for (ActionView a : of(actionIds, department)) {
            lines.add("- #" + a.actionId() + " " + (a.item() == null ? "—" : a.item()) + "："
                    + (ActionService.IMPROVED.equals(a.outcome()) ? "已改善 improved"
                            : ActionService.NOT_IMPROVED.equals(a.outcome()) ? "未改善 not improved" : "尚无结果 no result")
                    + (a.outcomeNote() == null || a.outcomeNote().isBlank() ? "" : "（" + a.outcomeNote() + "）"));
        }
        return lines.isEmpty() ? "无行动 / no actions" : String.join("\n", lines);
    }

    /** 批评 when one of the department's actions did not improve, 经验分享 otherwise. */
    public String suggestedKind(List<?> actionIds, String department) {
        return of(actionIds, department).stream().anyMatch(a -> ActionService.NOT_IMPROVED.equals(a.outcome()))
                ? DepartmentFeedback.CRITICISM : DepartmentFeedback.SHARE;
    }

    @Transactional
    public void record(String company, String period, String department, String kind, String text, List<?> actionIds,
            String recordedBy) {
        List<ActionView> own = of(actionIds, department);
        String ids = String.join(",", own.stream().map(a -> String.valueOf(a.actionId())).toList());
        DepartmentFeedback feedback = new DepartmentFeedback(company, period, department, kind, text, ids, recordedBy, null);
        record.recordFeedback(feedback);
        Set<String> people = new LinkedHashSet<>();
        for (ActionView a : own) {
            for (String user : new String[] {a.responsiblePerson(), a.ownerUserId()}) {
                if (user != null && !user.isBlank()) {
                    List<OrgUnit> persons = organisation.personsOfUser(user);
                    people.add(persons.isEmpty() ? user : persons.get(0).code());
                }
            }
        }
        for (String person : people) {
            archive.append(ArchiveEntry.of("DEPARTMENT_FEEDBACK:" + company + ":" + period + ":" + department + ":" + person,
                    person, period, "DEPARTMENT_FEEDBACK", feedback.kindLabel() + "：" + text, null,
                    "department_feedback", company + ":" + period + ":" + department, recordedBy));
        }
        notifier.toGroupsAfterCommit(List.of(department), "【业绩跟踪】" + period + " 会议" + feedback.kindLabel()
                + " / meeting feedback", "部门 Department：" + department + "\n" + feedback.kindLabel() + "\n" + text
                + "\n\n行动 Actions：" + ids);
    }

    private List<ActionView> of(List<?> actionIds, String department) {
        List<ActionView> found = new ArrayList<>();
        for (Object id : actionIds == null ? List.of() : actionIds) {
            actions.action(((Number) id).longValue()).filter(a -> department == null
                    || department.equals(a.responsibleDepartment())).ifPresent(found::add);
        }
        return found;
    }
}
