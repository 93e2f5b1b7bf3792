package com.perftrack.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/**
 * Every user task of every process reaches whoever may work on it through one of their Tasklist
 * filters (issue 11): a task with candidate groups is in those groups' 本部门任务 (which includes
 * assigned tasks), a task with an assignee is in the assignee's 我的任务. A task with neither
 * would be seen by nobody; a static group must be a committee group, which has its filter.
 */
class UserTaskFilterCoverageTest {

    @Test
    void every_user_task_has_a_candidate_group_with_a_filter_or_an_assignee() throws Exception {
        List<String> tasks = new ArrayList<>();
        try (Stream<Path> models = Files.list(Path.of("bpmn"))) {
            for (Path model : models.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList()) {
                for (UserTask task : Bpmn.readModelFromFile(model.toFile()).getModelElementsByType(UserTask.class)) {
                    String where = model.getFileName() + " " + task.getId();
                    tasks.add(where);
                    String groups = task.getCamundaCandidateGroups();
                    String assignee = task.getCamundaAssignee();
                    assertThat((groups != null && !groups.isBlank()) || (assignee != null && !assignee.isBlank()))
                            .as(where + " has candidate groups or an assignee").isTrue();
                    if (groups != null && !groups.contains("${")) {
                        for (String group : groups.split(",")) {
                            assertThat(CommitteeGroup.byId(group.trim())).as(where + ": group " + group + " has a filter")
                                    .isPresent();
                        }
                    }
                }
            }
        }
        assertThat(tasks).as("the models' user tasks").hasSizeGreaterThanOrEqualTo(25)
                .contains("appeal.bpmn Task_DepartmentHeadOpinion", "monthly-tracking-cycle.bpmn Task_SubmitSalesInformation");
    }
}
