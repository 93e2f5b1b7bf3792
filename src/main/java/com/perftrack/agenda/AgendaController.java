package com.perftrack.agenda;

import com.perftrack.calendar.Period;
import com.perftrack.organisation.CompanySettings;
import com.perftrack.organisation.ReaderScopes;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code GET /api/agendas?period=YYYY-MM[&companyCode=]}: the stored (draft or confirmed) agenda
 * of one of the caller's companies (default: the installation's, else the caller's only one). */
@RestController
class AgendaController {

    private final AgendaService agendas;
    private final CompanySettings company;
    private final ReaderScopes scopes;

    AgendaController(AgendaService agendas, CompanySettings company, ReaderScopes scopes) {
        this.agendas = agendas;
        this.company = company;
        this.scopes = scopes;
    }

    @GetMapping("/api/agendas")
    Agenda agenda(@RequestParam String period, @RequestParam(required = false) String companyCode) {
        if (!Period.isValid(period)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "period must be YYYY-MM");
        }
        String code = scopes.companyOrDefault(scopes.current(), companyCode, company.code());
        return agendas.find(code, period).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no agenda for company " + code + " and period " + period));
    }
}
