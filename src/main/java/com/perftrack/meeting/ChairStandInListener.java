package com.perftrack.meeting;

import com.perftrack.security.TaskActor;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

/**
 * Reusable on any task of the chair (general manager, {@code committee-chair}): when the chair was
 * marked absent at the meeting of the task's company and period, the vice chair chairs in his place
 * (SPEC.md section 1). On create the task gets {@code committee-vice-chair} as a candidate group; on
 * complete a vice chair who is not the chair himself is recorded as stand-in (table
 * {@code chair_stand_in}) and the task's execution gets {@code completedByStandIn = true}.
 * Needs the process variables {@code companyCode} and {@code period} — or {@code standInPeriod}, the
 * meeting's period where the task's process has another (an improvement action escalated at a later
 * meeting). A task assigned to the absent chair by name is handed to the group, so the vice chair
 * sees it in his list.
 */
@Component("chairStandInListener")
public class ChairStandInListener implements TaskListener {

    static final String CHAIR = "committee-chair";
    static final String VICE_CHAIR = "committee-vice-chair";
    static final String STAND_IN_VARIABLE = "completedByStandIn";

    private final MeetingRecordService record;

    public ChairStandInListener(MeetingRecordService record) {
        this.record = record;
    }

    @Override
    public void notify(DelegateTask task) {
        if (!addressedToChair(task)) {
            return;
        }
        String company = (String) task.getVariable("companyCode");
        Object meeting = task.getVariable("standInPeriod");
        String period = meeting != null && !meeting.toString().isBlank() ? meeting.toString()
                : (String) task.getVariable("period");
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            if (record.chairAbsent(company, period)) {
                task.addCandidateGroup(VICE_CHAIR);
                if (task.getAssignee() != null) {
                    task.setAssignee(null);
                }
            }
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            String user = TaskActor.of(task);
            var identity = task.getProcessEngineServices().getIdentityService();
            boolean standIn = user != null && identity.createUserQuery().userId(user).memberOfGroup(VICE_CHAIR).count() > 0
                    && identity.createUserQuery().userId(user).memberOfGroup(CHAIR).count() == 0;
            if (standIn) {
                record.recordStandIn(task.getId(), company, period, task.getTaskDefinitionKey(), task.getName(), user);
            }
            task.getExecution().setVariable(STAND_IN_VARIABLE, standIn);
        }
    }

    private static boolean addressedToChair(DelegateTask task) {
        for (IdentityLink link : task.getCandidates()) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType()) && CHAIR.equals(link.getGroupId())) {
                return true;
            }
        }
        return false;
    }
}
