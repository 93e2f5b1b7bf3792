package com.perftrack.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/** Every way to complete a task or start a process over HTTP is one the guard reads (issue 10). */
class FormVariablePathsTest {

    @Test
    void task_completions_of_the_engine_rest_api_and_of_tasklist_are_recognised() {
        for (String path : new String[] {"/engine-rest/task/t1/complete", "/engine-rest/task/t1/submit-form",
                "/engine-rest/task/t1/resolve", "/engine-rest/engine/default/task/t1/complete",
                "/camunda/api/engine/engine/default/task/t1/submit-form"}) {
            Matcher m = FormVariableFilter.TASK.matcher(path);
            assertThat(m.matches()).as(path).isTrue();
            assertThat(m.group(1)).isEqualTo("t1");
        }
        assertThat(FormVariableFilter.TASK.matcher("/engine-rest/task/t1/variables").matches()).isFalse();
    }

    @Test
    void process_starts_by_id_by_key_and_by_key_and_tenant_are_recognised() {
        Matcher byId = FormVariableFilter.START.matcher("/engine-rest/process-definition/appeal:1:abc/start");
        assertThat(byId.matches()).isTrue();
        assertThat(byId.group(3)).isEqualTo("appeal:1:abc");
        Matcher byKey = FormVariableFilter.START.matcher("/engine-rest/process-definition/key/appeal/submit-form");
        assertThat(byKey.matches()).isTrue();
        assertThat(byKey.group(1)).isEqualTo("appeal");
        assertThat(byKey.group(2)).isNull();
        Matcher byTenant = FormVariableFilter.START.matcher("/engine-rest/process-definition/key/appeal/tenant-id/DEMO/start");
        assertThat(byTenant.matches()).isTrue();
        assertThat(byTenant.group(1)).isEqualTo("appeal");
        assertThat(byTenant.group(2)).isEqualTo("DEMO");
        Matcher tasklist = FormVariableFilter.START.matcher(
                "/camunda/api/engine/engine/default/process-definition/appeal:1:abc/submit-form");
        assertThat(tasklist.matches()).isTrue();
        assertThat(tasklist.group(3)).isEqualTo("appeal:1:abc");
    }
}
