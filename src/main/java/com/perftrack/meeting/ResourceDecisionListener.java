package com.perftrack.meeting;

import static com.perftrack.meeting.ResourceRequestVariables.*;
import com.perftrack.security.TaskActor;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code Task_DecideResourceRequest}: the provider grants or declines an external cause's resource
 * request. On create the form gets the request and its finding; on complete the decision and its
 * reason are required, and who decided goes to the execution for {@code Task_RecordResourceDecision}.
 */
@Component("resourceDecisionListener")
class ResourceDecisionListener implements TaskListener {

    static final int MAX_REASON = 2000;

    private final ResourceRequestService requests;
    private final FindingService findings;

    ResourceDecisionListener(ResourceRequestService requests, FindingService findings) {
        this.requests = requests;
        this.findings = findings;
    }

    @Override
    public void notify(DelegateTask task) {
        long id = REQUEST_ID.present(task);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            ResourceRequest request = requests.find(id).orElseThrow();
            Finding finding = findings.find(request.findingId()).orElseThrow();
            REQUEST_SUMMARY.setLocal(task, "**资源需求 #" + request.id() + "**（" + MeetingTexts.departmentName(request.department())
                    + "，" + request.period() + "）\n需要 What：" + request.what() + "\n数量/金额 How much：" + request.amount()
                    + "\n提供方 From：" + request.providerLabel() + "\n\n**问题 #" + finding.number() + " " + finding.title()
                    + "**\n外部原因：" + finding.cause() + "\n影响：" + finding.impact() + "\n解决方案：" + finding.solution());
            // the inputs on the execution, where a completed form's values land (task-local ones would shadow them)
            RESOURCE_DECISION.setLocal(task.getExecution(), null);
            RESOURCE_DECISION_COMMENT.setLocal(task.getExecution(), null);
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            String decision = RESOURCE_DECISION.get(task);
            String reason = RESOURCE_DECISION_COMMENT.getOr(task, "");
            if (!"approve".equals(decision) && !"reject".equals(decision)) {
                throw new BadUserRequestException("请选择批准或拒绝 / choose grant (approve) or decline (reject)");
            }
            if (reason.isEmpty()) {
                throw new BadUserRequestException("请写明理由 / the reason is required");
            }
            if (reason.length() > MAX_REASON) {
                throw new BadUserRequestException("理由最多 " + MAX_REASON + " 个字符，现为 " + reason.length()
                        + " / the reason has at most " + MAX_REASON + " characters");
            }
            RESOURCE_GRANTED.set(task.getExecution(), "approve".equals(decision));
            RESOURCE_DECISION_REASON.set(task.getExecution(), reason);
            RESOURCE_DECIDED_BY.set(task.getExecution(), TaskActor.required(task));
        }
    }
}
