package com.perftrack.cycle;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** The department collection tasks of a cycle: which department each is, and which are still open. */
@Component
public class CollectionTasks {

    /** Task definition key of each department's submission (the BPMN ids) → the department's group id. */
    static final Map<String, String> DEPARTMENT_OF_TASK = Map.of(
            "Task_SubmitSalesInformation", "sales",
            "Task_SubmitMarketInformation", "marketing",
            "Task_SubmitProductionInformation", "production",
            "Task_SubmitQualityInformation", "quality",
            "Task_SubmitFinanceInformation", "finance",
            "Task_SubmitProcurementInformation", "procurement",
            "Task_SubmitProjectInformation", "project-management",
            "Task_SubmitContractInformation", "contract-planning");

    /** The BPMN ids of the department collection tasks (method health counts them). */
    public static java.util.Set<String> taskDefinitionKeys() {
        return DEPARTMENT_OF_TASK.keySet();
    }

    private final TaskService taskService;

    CollectionTasks(TaskService taskService) {
        this.taskService = taskService;
    }

    List<Task> openTasks(String processInstanceId) {
        List<Task> open = new ArrayList<>();
        for (Task task : taskService.createTaskQuery().processInstanceId(processInstanceId).listPage(0, 100)) {
            if (DEPARTMENT_OF_TASK.containsKey(task.getTaskDefinitionKey())) {
                open.add(task);
            }
        }
        return open;
    }

    List<String> openDepartments(String processInstanceId) {
        return openTasks(processInstanceId).stream().map(t -> DEPARTMENT_OF_TASK.get(t.getTaskDefinitionKey())).toList();
    }

    /** Makes the open tasks stand out in Tasklist (it sorts and marks by priority). */
    void raisePriority(String processInstanceId, int priority) {
        for (Task task : openTasks(processInstanceId)) {
            if (task.getPriority() < priority) {
                task.setPriority(priority);
                taskService.saveTask(task);
            }
        }
    }
}
