package com.perftrack.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import com.perftrack.archive.ArchiveService;
import com.perftrack.calendar.BusinessCalendar;
import com.perftrack.organisation.OrganisationService;
import com.perftrack.support.ProcessTestEngine;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** 业绩跟踪奖罚制度 四.3: a special contribution award may be proposed at any time; HR reviews, the GM decides. */
@Deployment(resources = "bpmn/special-contribution-award.bpmn")
class SpecialContributionAwardProcessTest {

    static final ProcessTestEngine db = new ProcessTestEngine();
    static final Map<Object, Object> beans = new HashMap<>();

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension
            .builder(db.configuration(beans)).assertClassCoverageAtLeast(1.0).build();

    ProcessEngine processEngine;
    /** What the award publishes for public recognition (RecognitionService keeps and announces it). */
    final java.util.List<Object> recognised = new java.util.ArrayList<>();

    @BeforeEach
    void wire() {
        BpmnAwareTests.init(processEngine);
        var calendar = new BusinessCalendar("Asia/Shanghai");
        beans.put("specialAwardProposalListener", new SpecialAwardProposalListener(new OrganisationService(db.jdbc())));
        beans.put("specialAwardDecisionListener", new SpecialAwardDecisionListener());
        beans.put("archiveSpecialAwardDelegate", new ArchiveSpecialAwardDelegate(new ArchiveService(db.jdbc(), calendar), calendar, recognised::add));
        db.jdbc().sql("insert into org_unit (code, unit_type, name, company_code, user_id, role, updated_at) "
                + "values ('AW-P1', 'person', '马芳', 'ACME', 'sales1', 'employee', current_timestamp)").update();
    }

    @AfterEach
    void cleanUp() {
        processEngine.getIdentityService().clearAuthentication();
        db.jdbc().sql("delete from archive_entry").update();
        db.jdbc().sql("delete from org_unit").update();
    }

    @Test
    void an_award_supported_by_hr_and_approved_by_the_general_manager_goes_into_the_archive() {
        ProcessInstance award = propose("AW-P1");
        assertThat(award).hasBusinessKey("AW-P1").isWaitingAt("Task_ReviewSpecialAward")
                .variables().containsEntry("awardPersonName", "马芳").containsEntry("awardProposedBy", "sales.head");
        assertThat(task()).hasCandidateGroup("hr");
        completeAs("hr.head", Map.of("hrDecision", "support", "hrDecisionReason", "成果属实"));
        assertThat(task()).hasCandidateGroup("committee-chair");
        completeAs("gm", Map.of("gmDecision", "approve"));
        execute(job());
        assertThat(award).isEnded().hasPassed("EndEvent_Awarded").variables()
                .containsEntry("hrDecidedBy", "hr.head").containsEntry("gmDecidedBy", "gm");
        var entries = new ArchiveService(db.jdbc(), new BusinessCalendar("Asia/Shanghai")).entriesOf("AW-P1");
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.entryType()).isEqualTo("REWARD");
            assertThat(e.summary()).contains("特殊贡献奖").contains("奖金 5000 元");
            assertThat(e.recordedBy()).isEqualTo("gm");
        });
        assertThat(recognised).singleElement().isInstanceOfSatisfying(Recognised.class, r -> {
            assertThat(r.kind()).isEqualTo(RecognitionService.SPECIAL_CONTRIBUTION);
            assertThat(r.honours()).extracting(RecognitionService.Honour::personCode).containsExactly("AW-P1");
        });
    }

    @Test
    void hr_or_the_general_manager_may_decline_with_a_reason_and_nothing_is_archived() {
        ProcessInstance byHr = propose("AW-P1");
        assertThatThrownBy(() -> completeAs("hr.head", Map.of("hrDecision", "decline")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("理由");
        completeAs("hr.head", Map.of("hrDecision", "decline", "hrDecisionReason", "属于本职工作"));
        assertThat(byHr).isEnded().hasPassed("EndEvent_Declined");

        ProcessInstance byGm = propose("AW-P1");
        completeAs("hr.head", Map.of("hrDecision", "support"));
        completeAs("gm", Map.of("gmDecision", "decline", "gmDecisionReason", "本年度预算已用完"));
        assertThat(byGm).isEnded().hasPassed("EndEvent_Declined").hasNotPassed("Task_ArchiveSpecialAward");
        assertThat(db.jdbc().sql("select count(*) from archive_entry").query(Integer.class).single()).isZero();
        assertThat(recognised).as("a declined award is not recognised").isEmpty();
    }

    @Test
    void a_proposal_for_an_unknown_person_is_refused() {
        processEngine.getIdentityService().setAuthentication("sales.head", List.of("sales"));
        assertThatThrownBy(() -> processEngine.getRuntimeService().startProcessInstanceByKey(
                "special-contribution-award", Map.of("awardPersonCode", "NOBODY", "awardContribution", "x",
                        "awardProposal", "y")))
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining("NOBODY");
    }

    private ProcessInstance propose(String person) {
        processEngine.getIdentityService().setAuthentication("sales.head", List.of("sales"));
        try {
            return processEngine.getRuntimeService().startProcessInstanceByKey("special-contribution-award",
                    Map.of("awardPersonCode", person, "awardContribution", "攻下华东区最大客户，年合同额 800 万",
                            "awardProposal", "奖金 5000 元"));
        } finally {
            processEngine.getIdentityService().clearAuthentication();
        }
    }

    private void completeAs(String user, Map<String, Object> values) {
        processEngine.getIdentityService().setAuthentication(user, List.of());
        try {
            processEngine.getTaskService().complete(task().getId(), values);
        } finally {
            processEngine.getIdentityService().clearAuthentication();
        }
    }

    private static org.camunda.bpm.engine.task.Task task() {
        return BpmnAwareTests.taskQuery().singleResult();
    }
}
