package com.perftrack.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.perftrack.support.IntegrationTest;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@link LeanHistoryPlugin} (issue 18): history stays at level full for instances, activities and the
 * latest value of each variable, without one detail row per variable write.
 */
@IntegrationTest
class LeanHistoryIT {

    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;

    @Test
    void variable_writes_keep_their_latest_value_in_history_without_detail_rows() {
        var deployment = repository.createDeployment().name("lean history check")
                .addModelInstance("lean-history.bpmn", Bpmn.createExecutableProcess("lean-history-check")
                        .camundaHistoryTimeToLive(1).startEvent().userTask("wait").endEvent().done())
                .deploy();
        try {
            var instance = runtime.startProcessInstanceByKey("lean-history-check", Map.of("note", "first"));
            runtime.setVariable(instance.getId(), "note", "second");

            assertThat(history.createHistoricDetailQuery().processInstanceId(instance.getId()).count()).isZero();
            var latest = history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                    .variableName("note").singleResult();
            assertThat(latest.getValue()).isEqualTo("second");
            assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).count())
                    .isEqualTo(2); // the start event and the waiting task
        } finally {
            repository.deleteDeployment(deployment.getId(), true);
        }
    }
}
