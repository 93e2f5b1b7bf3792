package com.perftrack.evaluation;

import com.perftrack.archive.ArchiveEntry;
import com.perftrack.archive.ArchiveService;
import com.perftrack.calendar.BusinessCalendar;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_ArchiveSpecialAward}: the approved award goes into the person's tracking archive. */
@Component
class ArchiveSpecialAwardDelegate implements JavaDelegate {

    private final ArchiveService archive;
    private final BusinessCalendar calendar;

    ArchiveSpecialAwardDelegate(ArchiveService archive, BusinessCalendar calendar) {
        this.archive = archive;
        this.calendar = calendar;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String person = (String) execution.getVariable("awardPersonCode");
        archive.append(ArchiveEntry.of("SPECIAL_AWARD:" + execution.getProcessInstanceId(), person,
                calendar.currentPeriod().toString(), "REWARD",
                "特殊贡献奖 Special contribution award：" + execution.getVariable("awardProposal") + "（"
                        + execution.getVariable("awardContribution") + "）",
                null, "special-award", execution.getProcessInstanceId(), (String) execution.getVariable("gmDecidedBy")));
    }
}
