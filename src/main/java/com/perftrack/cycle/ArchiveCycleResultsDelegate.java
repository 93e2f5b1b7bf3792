package com.perftrack.cycle;

import static com.perftrack.cycle.CycleVariables.*;
import com.perftrack.archive.ArchiveEntry;
import com.perftrack.archive.ArchiveService;
import com.perftrack.kpi.KpiResultService;
import com.perftrack.kpi.KpiResultView;
import com.perftrack.meeting.Finding;
import com.perftrack.meeting.FindingService;
import com.perftrack.organisation.OrgUnit;
import com.perftrack.organisation.OrganisationService;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_ArchiveCycleResults}: HR's tracking archive gets, for every tracked person of the
 * company, the period's KPI results, and for the persons named responsible, the findings
 * (SPEC.md section 3). Entries are keyed, so a retried job appends nothing twice.
 */
@Component
class ArchiveCycleResultsDelegate implements JavaDelegate {

    private final ArchiveService archive;
    private final OrganisationService organisation;
    private final KpiResultService results;
    private final FindingService findings;

    ArchiveCycleResultsDelegate(ArchiveService archive, OrganisationService organisation, KpiResultService results,
            FindingService findings) {
        this.archive = archive;
        this.organisation = organisation;
        this.results = results;
        this.findings = findings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String company = COMPANY_CODE.get(execution);
        String period = PERIOD.present(execution);
        Map<String, List<KpiResultView>> byPerson = results.results(period, OrgUnit.PERSON, null).stream()
                .collect(Collectors.groupingBy(KpiResultView::unitCode));
        int written = 0;
        for (OrgUnit person : organisation.units(company, OrgUnit.PERSON)) {
            List<KpiResultView> own = byPerson.getOrDefault(person.code(), List.of());
            if (own.isEmpty()) {
                continue;
            }
            String summary = own.stream().map(r -> r.kpiCode() + " " + (r.attainment() == null ? "—"
                            : r.attainment().movePointRight(2).stripTrailingZeros().toPlainString() + "%")
                            + (r.status() == null ? "" : " " + r.status()))
                    .collect(Collectors.joining("，", period + " KPI：", ""));
            archive.append(ArchiveEntry.of("KPI_RESULT:" + period + ":" + person.code(), person.code(), period,
                    "KPI_RESULT", summary, null, "period", period, "system"));
            written++;
        }
        Map<String, List<OrgUnit>> personsByUser = new HashMap<>();
        for (Finding finding : findings.findings(company, period)) {
            if (finding.responsibleUserId() == null) {
                continue;
            }
            for (OrgUnit person : personsByUser.computeIfAbsent(finding.responsibleUserId(), organisation::personsOfUser)) {
                archive.append(ArchiveEntry.of("FINDING:" + finding.id() + ":" + person.code(), person.code(), period,
                        "FINDING", "质询问题 #" + finding.number() + "：" + finding.title() + "；方案：" + finding.solution(),
                        null, "finding", String.valueOf(finding.id()), finding.createdBy()));
                written++;
            }
        }
        ARCHIVE_ENTRIES_WRITTEN.set(execution, written);
    }
}
