package com.perftrack.agenda;

import com.perftrack.calendar.Period;
import com.perftrack.cycle.CompanySettings;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code GET /api/agendas?period=YYYY-MM[&companyCode=]}: the stored (draft or confirmed) agenda. */
@RestController
class AgendaController {

    private final AgendaService agendas;
    private final CompanySettings company;

    AgendaController(AgendaService agendas, CompanySettings company) {
        this.agendas = agendas;
        this.company = company;
    }

    @GetMapping("/api/agendas")
    Agenda agenda(@RequestParam String period, @RequestParam(required = false) String companyCode) {
        if (!Period.isValid(period)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "period must be YYYY-MM");
        }
        String code = companyCode == null || companyCode.isBlank() ? company.code() : companyCode;
        return agendas.find(code, period).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no agenda for company " + code + " and period " + period));
    }
}
