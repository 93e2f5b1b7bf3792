package com.perftrack.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import com.perftrack.support.IntegrationTest;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Issue 11: tasks of the same kind say whose and which period they are about. */
@IntegrationTest
class TaskTitlesIT {

    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    com.perftrack.meeting.FindingService findings;

    @Test
    void an_actions_first_task_names_the_responsible_department_and_the_period() throws InterruptedException {
        long findingId = findings.create(new com.perftrack.meeting.Finding(null, "DEMO", "2015-04", "quality", "COMPLAINTS",
                "客户投诉偏多", "+3 起", "来料不良", "internal", "+3 起投诉", "加严来料检验", null, "quality", "来料全检",
                "quality.head", "secgen", null));
        var action = runtimeService.startProcessInstanceByKey("improvement-action", "F" + findingId + "-quality",
                Map.of("findingId", findingId, "responsibleDepartment", "quality", "companyCode", "DEMO", "period", "2015-04"));
        Task task = null;
        for (int i = 0; i < 150 && task == null; i++) {
            task = taskService.createTaskQuery().processInstanceId(action.getId()).singleResult();
            if (task == null) {
                Thread.sleep(200);
            }
        }
        assertThat(task).as("the action's first task").isNotNull();
        assertThat(task.getName()).endsWith(" · 质量部 · 2015-04");
        runtimeService.deleteProcessInstance(action.getId(), "test over");
    }
}
