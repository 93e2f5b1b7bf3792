package com.perftrack.agenda;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.perftrack.calendar.ReportingPeriod;
import java.util.List;
import com.perftrack.organisation.CompanySettings;
import com.perftrack.organisation.ReaderScopes;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code GET /api/agendas?period=YYYY-MM[&companyCode=]}: the stored (draft or confirmed) agenda
 * of one of the caller's companies (default: the installation's, else the caller's only one). For a
 * quarterly, half-yearly or yearly review ({@code period=2026-Q3}) it also lists
 * {@code periodResults}: the company's and departments' results aggregated over the period; for a
 * month, {@code warnings}: the company's early warnings as of it, to discuss before the quarter closes. */
@RestController
class AgendaController {

    private final AgendaService agendas;
    private final CompanySettings company;
    private final ReaderScopes scopes;
    private final PeriodResultLines periodResults;

    /** The agenda as stored, with a longer period's aggregated results beside it (none for a month). */
    record AgendaView(@JsonUnwrapped Agenda agenda,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<PeriodResultLines.Line> periodResults,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<com.perftrack.kpi.WarningView> warnings) {}

    private final WarningLines warnings;

    AgendaController(AgendaService agendas, CompanySettings company, ReaderScopes scopes, PeriodResultLines periodResults,
            WarningLines warnings) {
        this.warnings = warnings;
        this.periodResults = periodResults;
        this.agendas = agendas;
        this.company = company;
        this.scopes = scopes;
    }

    @GetMapping("/api/agendas")
    AgendaView agenda(@RequestParam String period, @RequestParam(required = false) String companyCode) {
        if (!ReportingPeriod.isValid(period)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "期间应为 YYYY-MM、YYYY-Qn、YYYY-Hn 或 YYYY / period must be YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY");
        }
        String code = scopes.companyOrDefault(scopes.current(), companyCode, company.code());
        Agenda agenda = agendas.find(code, period).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no agenda for company " + code + " and period " + period));
        return new AgendaView(agenda, periodResults.lines(code, period), warnings.warnings(code, period));
    }
}
