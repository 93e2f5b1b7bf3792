package com.perftrack.meeting;

import com.perftrack.organisation.OrganisationService;
import com.perftrack.security.TaskActor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.User;
import org.camunda.spin.Spin;
import org.springframework.stereotype.Component;

/**
 * {@code Task_RecordAttendance}: at the start of the meeting the standing office ticks who is there.
 * The choices are the company's committee: the chair (general manager), the vice chair(s), the
 * secretary-general(s) and the heads of the committee's member departments. The unticked are absent; when
 * the chair is absent the vice chair chairs (and may stand in for the chair's tasks of the cycle,
 * see {@link ChairStandInListener}). Nobody to chair is refused.
 */
@Component("attendanceListener")
class AttendanceListener implements TaskListener {

    private final OrganisationService organisation;
    private final MeetingRecordService record;

    AttendanceListener(OrganisationService organisation, MeetingRecordService record) {
        this.organisation = organisation;
        this.record = record;
    }

    @Override
    public void notify(DelegateTask task) {
        String company = (String) task.getVariable("companyCode");
        String period = (String) task.getVariable("period");
        IdentityService identity = task.getProcessEngineServices().getIdentityService();
        Map<String, String> committee = committee(company, departments(task), identity);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            List<Map<String, String>> options = new ArrayList<>();
            committee.forEach((user, label) -> {
                Map<String, String> option = new LinkedHashMap<>();
                option.put("label", label);
                option.put("value", user);
                options.add(option);
            });
            task.setVariableLocal("committeeOptions", Spin.JSON(options));
            // the inputs on the execution, where a completed form's values land (task-local ones would shadow them)
            task.getExecution().setVariableLocal("attendees", Spin.JSON("[]"));
            task.getExecution().setVariableLocal("attendanceComment", null);
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            List<String> attendees = FormValues.list(task.getVariable("attendees"));
            List<String> unknown = attendees.stream().filter(u -> !committee.containsKey(u)).toList();
            if (!unknown.isEmpty()) {
                throw new BadUserRequestException("不是本委员会成员 / not on the committee: " + String.join(", ", unknown));
            }
            List<String> chairs = members(identity, ChairStandInListener.CHAIR, company);
            String generalManager = organisation.generalManagerUserId(company).orElse(chairs.isEmpty() ? null : chairs.get(0));
            boolean chairAbsent = generalManager == null || !attendees.contains(generalManager);
            String chair = chairAbsent ? members(identity, ChairStandInListener.VICE_CHAIR, company).stream()
                    .filter(attendees::contains).findFirst().orElse(null) : generalManager;
            if (chair == null) {
                throw new BadUserRequestException("主任和副主任均缺席，会议无人主持 / neither the chair nor a vice chair is present");
            }
            List<String> absentees = committee.keySet().stream().filter(u -> !attendees.contains(u)).toList();
            String note = FormValues.text(task.getVariable("attendanceComment"));
            if (note.length() > 2000) {
                throw new BadUserRequestException("说明最多 2000 个字符，现为 " + note.length() + " / the note has at most 2000 characters");
            }
            record.recordAttendance(company, period, chair, chairAbsent,
                    committee.keySet().stream().filter(attendees::contains).toList(), absentees,
                    note.isEmpty() ? null : note, TaskActor.of(task));
            task.getExecution().setVariable("meetingChair", chair);
            task.getExecution().setVariable("chairAbsent", chairAbsent);
        }
    }

    /** The committee's member departments (the cycle's membership decision), else the reporting ones. */
    private static List<String> departments(DelegateTask task) {
        for (String variable : List.of("committeeDepartments", "reportingDepartments")) {
            if (task.getVariable(variable) instanceof java.util.Collection<?> departments && !departments.isEmpty()) {
                return departments.stream().map(String::valueOf).toList();
            }
        }
        return List.of();
    }

    /** User id → "张伟 gm（主任 chair）", in the order chair, vice chair, secretary-general, department heads. */
    Map<String, String> committee(String company, List<String> departments, IdentityService identity) {
        Map<String, String> roles = new LinkedHashMap<>();
        organisation.generalManagerUserId(company).ifPresent(u -> roles.put(u, "主任 chair"));
        members(identity, ChairStandInListener.CHAIR, company).forEach(u -> roles.putIfAbsent(u, "主任 chair"));
        members(identity, ChairStandInListener.VICE_CHAIR, company).forEach(u -> roles.putIfAbsent(u, "副主任 vice chair"));
        members(identity, "secretary-general", company).forEach(u -> roles.putIfAbsent(u, "秘书长 secretary-general"));
        for (String department : departments) {
            organisation.managerUserId(company, department).ifPresent(u -> roles.putIfAbsent(u,
                    MeetingTexts.departmentName(department) + " 经理"));
        }
        Map<String, String> labels = new LinkedHashMap<>();
        roles.forEach((user, role) -> {
            User u = identity.createUserQuery().userId(user).singleResult();
            if (u != null) {
                String name = ((u.getLastName() == null ? "" : u.getLastName()) + (u.getFirstName() == null ? ""
                        : u.getFirstName())).trim();
                labels.put(user, (name.isEmpty() ? user : name + " " + user) + "（" + role + "）");
            }
        });
        return labels;
    }

    /** The group's members in the company (its tenant); all members when nobody in the group belongs to a company. */
    private static List<String> members(IdentityService identity, String group, String company) {
        List<String> inCompany = identity.createUserQuery().memberOfGroup(group).memberOfTenant(company).orderByUserId()
                .asc().list().stream().map(User::getId).toList();
        if (!inCompany.isEmpty()) {
            return inCompany;
        }
        return identity.createUserQuery().memberOfGroup(group).orderByUserId().asc().list().stream()
                .filter(u -> identity.createTenantQuery().userMember(u.getId()).count() == 0).map(User::getId).toList();
    }
}
