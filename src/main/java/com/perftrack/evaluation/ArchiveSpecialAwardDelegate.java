package com.perftrack.evaluation;

import static com.perftrack.evaluation.SpecialAwardVariables.*;
import com.perftrack.archive.ArchiveEntry;
import com.perftrack.archive.ArchiveService;
import com.perftrack.calendar.BusinessCalendar;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** {@code Task_ArchiveSpecialAward}: the approved award goes into the person's tracking archive. */
@Component
class ArchiveSpecialAwardDelegate implements JavaDelegate {

    private final ArchiveService archive;
    private final BusinessCalendar calendar;
    private final ApplicationEventPublisher events;

    ArchiveSpecialAwardDelegate(ArchiveService archive, BusinessCalendar calendar, ApplicationEventPublisher events) {
        this.archive = archive;
        this.calendar = calendar;
        this.events = events;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String person = AWARD_PERSON_CODE.present(execution);
        archive.append(ArchiveEntry.of("SPECIAL_AWARD:" + execution.getProcessInstanceId(), person,
                calendar.currentPeriod().toString(), "REWARD",
                "特殊贡献奖 Special contribution award：" + AWARD_PROPOSAL.get(execution) + "（"
                        + AWARD_CONTRIBUTION.get(execution) + "）",
                null, "special-award", execution.getProcessInstanceId(), DECIDED_BY.prefixed("gm").get(execution)));
        // and it is recognised in public (issue 17)
        String month = calendar.currentPeriod().toString();
        events.publishEvent(new Recognised(RecognitionService.SPECIAL_CONTRIBUTION, month, month + " 特殊贡献奖 special "
                + "contribution award", java.util.List.of(new RecognitionService.Honour(person,
                "特殊贡献奖 Special contribution award " + month, AWARD_CONTRIBUTION.get(execution)))));
    }
}
