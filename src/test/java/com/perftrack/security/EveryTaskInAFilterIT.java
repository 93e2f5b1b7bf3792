package com.perftrack.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.perftrack.support.Api;
import com.perftrack.support.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 11, "filters that cover everything": every user task of every process, for every demo user
 * who may work on it, appears in one of that user's Tasklist filters. Each model task is made as the
 * engine would make it (its candidate groups, or its assignee), once for every group its expression
 * can name, in the demo company, and each member of those groups reads all their filters over REST.
 */
@IntegrationTest
class EveryTaskInAFilterIT {

    /** The demo users of README.md (password {@code demo} in the ITs). */
    static final List<String> DEMO_USERS = List.of("gm", "vice", "secgen", "sales.head", "marketing.head",
            "production.head", "quality.head", "finance.head", "hr.head", "procurement.head", "pm.head",
            "contract.head", "sales1", "sales2", "sales3");

    /** Who a candidate-group expression can name (the rules in the action and meeting packages). */
    static final Map<String, List<String>> GROUP_EXPRESSIONS = Map.of(
            "${authorGroup}", List.of("sales", "marketing", "production", "quality", "finance", "hr", "procurement",
                    "project-management", "contract-planning", "secretary-general"),
            "${smartReviewGroup}", List.of("marketing", "secretary-general", "committee-chair", "committee-vice-chair"),
            "${followUpGroup}", List.of("secretary-general", "committee-chair", "committee-vice-chair"),
            "${actionResultListener.recorderGroup(followUpActionId)}",
            List.of("marketing", "secretary-general", "committee-chair", "committee-vice-chair"),
            "${relatedDepartment}", List.of("sales", "marketing", "production", "quality", "finance", "hr", "procurement",
                    "project-management", "contract-planning"),
            // a resource request's provider: a department, or the general manager (the vice chair standing in)
            "${requestedFrom}", List.of("sales", "marketing", "production", "quality", "finance", "hr", "procurement",
                    "project-management", "contract-planning", "committee-chair", "committee-vice-chair"));

    @LocalServerPort
    int port;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;

    @Test
    void every_model_task_reaches_every_demo_user_who_may_work_on_it_through_a_filter() throws Exception {
        Api api = new Api(port);
        Map<String, Set<String>> expected = new LinkedHashMap<>(); // task id -> users who must see it
        Map<String, String> described = new LinkedHashMap<>();
        List<String> created = new ArrayList<>();
        try {
            try (Stream<Path> models = Files.list(Path.of("bpmn"))) {
                for (Path model : models.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList()) {
                    for (UserTask userTask : Bpmn.readModelFromFile(model.toFile()).getModelElementsByType(UserTask.class)) {
                        String where = model.getFileName() + " " + userTask.getId();
                        String groups = userTask.getCamundaCandidateGroups();
                        if (groups != null && !groups.isBlank()) {
                            List<String> possible = groups.contains("${") ? GROUP_EXPRESSIONS.get(groups.trim())
                                    : List.of(groups.split("\\s*,\\s*"));
                            assertThat(possible).as(where + ": the groups of " + groups).isNotNull().isNotEmpty();
                            for (String group : possible) {
                                Task task = newTask(where + " → " + group);
                                taskService.addCandidateGroup(task.getId(), group);
                                created.add(task.getId());
                                described.put(task.getId(), where + " (group " + group + ")");
                                expected.put(task.getId(), members(group));
                            }
                        }
                        String assignee = userTask.getCamundaAssignee();
                        if (assignee != null && !assignee.isBlank()) {
                            // an assignee expression names a person: every demo user may be that person
                            for (String user : assignee.contains("${") ? DEMO_USERS : List.of(assignee)) {
                                Task task = newTask(where + " → " + user);
                                task.setAssignee(user);
                                taskService.saveTask(task);
                                created.add(task.getId());
                                described.put(task.getId(), where + " (assigned to " + user + ")");
                                expected.put(task.getId(), Set.of(user));
                            }
                        }
                    }
                }
            }
            assertThat(described).as("model tasks made").hasSizeGreaterThan(40);

            Map<String, Set<String>> seen = new LinkedHashMap<>();
            for (String user : DEMO_USERS) {
                seen.put(user, visibleThroughFilters(api, user));
            }
            List<String> missing = new ArrayList<>();
            expected.forEach((taskId, users) -> users.forEach(user -> {
                if (!seen.get(user).contains(taskId)) {
                    missing.add(described.get(taskId) + " not in any filter of " + user);
                }
            }));
            assertThat(missing).as("tasks a user may work on but no filter of theirs shows").isEmpty();
            assertThat(expected.values().stream().mapToInt(Set::size).sum()).as("user × task checks").isGreaterThan(60);
        } finally {
            created.forEach(id -> taskService.deleteTask(id, true));
        }
    }

    private Task newTask(String name) {
        Task task = taskService.newTask();
        task.setName(name);
        task.setTenantId("DEMO");
        taskService.saveTask(task);
        return task;
    }

    /** The demo users in the group (other ITs' users are left out: they have no password to sign in with). */
    private Set<String> members(String group) {
        Set<String> users = new TreeSet<>();
        identityService.createUserQuery().memberOfGroup(group).list().stream().map(u -> u.getId())
                .filter(DEMO_USERS::contains).forEach(users::add);
        return users;
    }

    private static Set<String> visibleThroughFilters(Api api, String user) {
        Set<String> ids = new HashSet<>();
        var filters = api.get("/engine-rest/filter?resourceType=Task&firstResult=0&maxResults=100", user);
        assertThat(filters.status()).as(user + ": " + filters.body()).isEqualTo(200);
        for (JsonNode filter : filters.json()) {
            // the filter's own query, narrowed to this test's tasks (other ITs leave open tasks behind)
            var list = api.postJson("/engine-rest/filter/" + filter.get("id").asText() + "/list?firstResult=0&maxResults=2000",
                    user, Map.of("nameLike", "%.bpmn Task_%"));
            assertThat(list.status()).as(user + " " + filter.get("name").asText() + ": " + list.body()).isEqualTo(200);
            ids.addAll(list.json().findValuesAsText("id"));
        }
        return ids;
    }
}
