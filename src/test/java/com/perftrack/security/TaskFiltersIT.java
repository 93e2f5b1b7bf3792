package com.perftrack.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.perftrack.support.Api;
import com.perftrack.support.IntegrationTest;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** 我的任务 shows a task assigned to a person with no group (the appeal's opinion); 全部待办 is the leadership's. */
@IntegrationTest
class TaskFiltersIT {

    @LocalServerPort
    int port;
    @Autowired
    TaskService taskService;

    @Test
    void a_task_assigned_to_a_person_without_a_group_is_in_their_filter_and_the_leaderships() {
        Api api = new Api(port);
        String mine = filterId(api, "sales.head", AuthorizationSetup.MY_TASKS);
        String department = filterId(api, "sales.head", "本部门任务 · " + CommitteeGroup.SALES.displayName());
        assertThat(names(api, "sales.head")).doesNotContain(AuthorizationSetup.ALL_OPEN);
        String all = filterId(api, "gm", AuthorizationSetup.ALL_OPEN);

        Task task = taskService.newTask();
        task.setName("部门负责人意见 Department head opinion (IT)");
        task.setAssignee("sales.head");
        task.setTenantId("DEMO");
        taskService.saveTask(task);
        try {
            assertThat(list(api, "sales.head", mine)).contains(task.getId());
            assertThat(list(api, "sales.head", department)).as("no candidate group").doesNotContain(task.getId());
            assertThat(list(api, "production.head", filterId(api, "production.head", AuthorizationSetup.MY_TASKS)))
                    .doesNotContain(task.getId());
            assertThat(list(api, "gm", all)).contains(task.getId());
        } finally {
            taskService.deleteTask(task.getId(), true);
        }
    }

    static List<String> names(Api api, String user) {
        return api.get("/engine-rest/filter?resourceType=Task&firstResult=0&maxResults=100", user).json().findValuesAsText("name");
    }

    static String filterId(Api api, String user, String name) {
        for (JsonNode filter : api.get("/engine-rest/filter?resourceType=Task&firstResult=0&maxResults=100", user).json()) {
            if (name.equals(filter.get("name").asText())) {
                return filter.get("id").asText();
            }
        }
        throw new AssertionError(user + " has no filter " + name + ": " + names(api, user));
    }

    static List<String> list(Api api, String user, String filterId) {
        var response = api.get("/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=500", user);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().findValuesAsText("id");
    }
}
