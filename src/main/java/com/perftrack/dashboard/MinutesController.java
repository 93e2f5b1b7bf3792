package com.perftrack.dashboard;

import com.perftrack.action.ActionService;
import com.perftrack.agenda.AgendaService;
import com.perftrack.calendar.ReportingPeriod;
import com.perftrack.meeting.Finding;
import com.perftrack.meeting.FindingService;
import com.perftrack.meeting.MeetingRecordService;
import com.perftrack.meeting.RelatedPart;
import com.perftrack.meeting.ResourceRequest;
import com.perftrack.meeting.ResourceRequestService;
import com.perftrack.organisation.CompanySettings;
import com.perftrack.organisation.OrgUnit;
import com.perftrack.organisation.OrganisationService;
import com.perftrack.organisation.ReaderScope;
import com.perftrack.organisation.ReaderScopes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/reports/meeting-minutes?period=[&companyCode=]}: the confirmed agenda, the
 * minutes (findings) and the results recorded for earlier actions, as xlsx. For the committee
 * (every SPEC group but {@code employee}) of that company and Camunda administrators.
 */
@RestController
class MinutesController {

    private final AgendaService agendas;
    private final FindingService findings;
    private final ActionService actions;
    private final OrganisationService organisation;
    private final CompanySettings company;
    private final ReaderScopes scopes;
    private final MeetingRecordService record;
    private final ResourceRequestService requests;

    MinutesController(AgendaService agendas, FindingService findings, ActionService actions,
            OrganisationService organisation, CompanySettings company, ReaderScopes scopes, MeetingRecordService record,
            ResourceRequestService requests) {
        this.scopes = scopes;
        this.record = record;
        this.requests = requests;
        this.agendas = agendas;
        this.findings = findings;
        this.actions = actions;
        this.organisation = organisation;
        this.company = company;
    }

    @GetMapping("/api/reports/meeting-minutes")
    ResponseEntity<byte[]> minutes(@RequestParam String period, @RequestParam(required = false) String companyCode) {
        if (!ReportingPeriod.isValid(period)) { // a quarterly or half-yearly review's minutes too
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "期间应为 YYYY-MM、YYYY-Qn、YYYY-Hn 或 YYYY / period must be YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY");
        }
        ReaderScope scope = scopes.current();
        if (scope.employee()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "会议纪要仅供委员会成员 / minutes are for the committee");
        }
        String code = scopes.companyOrDefault(scope, companyCode, company.code());
        String name = organisation.findUnit(code).map(OrgUnit::name).orElse(code);
        byte[] xlsx = MinutesWorkbook.write(name, period, agendas.find(code, period).orElse(null),
                findings.findings(code, period), actions.actionsForAgenda(code, period).stream()
                        .filter(a -> a.outcome() != null).toList(), meetingRecord(code, period));
        return ResponseEntity.ok().contentType(ReportController.XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"meeting-minutes-" + code + "-" + period + ".xlsx\"")
                .body(xlsx);
    }

    /** This meeting's requests and those of earlier meetings it heard (still open or decided since). */
    private MinutesWorkbook.Record meetingRecord(String code, String period) {
        List<ResourceRequest> all = new ArrayList<>(requests.forAgenda(code, period));
        all.addAll(requests.requests(code, period, null));
        Map<Long, List<RelatedPart>> parts = new HashMap<>();
        for (Finding f : findings.findings(code, period)) {
            parts.put(f.id(), findings.relatedParts(f.id()));
        }
        return new MinutesWorkbook.Record(record.attendance(code, period).orElse(null), record.standIns(code, period),
                all, record.feedback(code, period), findings.changes(code, period), parts);
    }
}
