package com.perftrack.sales;

import com.perftrack.calendar.Period;
import com.perftrack.organisation.ReaderScope;
import com.perftrack.organisation.ReaderScopes;
import com.perftrack.security.CurrentUser;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/salesperson-reports?period=YYYY-MM[&companyCode=]}: the month's salesperson reports of the
 * companies the reader belongs to. The sales department, the standing office (marketing) and the committee's
 * leadership read every report; a sales person reads their own; anyone else gets 403 with one sentence.
 */
@RestController
class SalespersonReportController {

    static final Set<String> READERS = Set.of("sales", "marketing", "committee-chair", "committee-vice-chair",
            "secretary-general");

    private final SalespersonReportService service;
    private final ReaderScopes scopes;

    SalespersonReportController(SalespersonReportService service, ReaderScopes scopes) {
        this.service = service;
        this.scopes = scopes;
    }

    @GetMapping("/api/salesperson-reports")
    List<ReportView> reports(@RequestParam String period, @RequestParam(required = false) String companyCode) {
        CurrentUser user = CurrentUser.get().orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
        if (!Period.isValid(period)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "期间须为 YYYY-MM，例如 2026-11 / the period must be "
                    + "YYYY-MM, e.g. 2026-11");
        }
        ReaderScope scope = scopes.current();
        boolean reader = scope.everything() || user.isMemberOfAny(READERS);
        Set<String> own = scopes.ownPersons(user.userId());
        if (!reader && own.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "销售人员月度报告仅供销售部、市场部（常设办公室）、委员会领导和本人查看 / "
                    + "salesperson reports are for the sales department, the standing office, the committee's leaders and "
                    + "the sales person");
        }
        if (companyCode != null && !companyCode.isBlank()) {
            scope.requireCompany(companyCode.trim());
        }
        List<SalespersonReport> rows = companyCode == null || companyCode.isBlank() ? service.reports(period)
                : service.reports(companyCode.trim(), period);
        return rows.stream().filter(r -> scope.everything() || (reader && scope.seesCompany(r.companyCode()))
                || own.contains(r.personCode())).map(ReportView::of).toList();
    }

    @ExceptionHandler(ResponseStatusException.class)
    ProblemDetail refused(ResponseStatusException e) {
        return ProblemDetail.forStatusAndDetail(e.getStatusCode(), e.getReason());
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missing(MissingServletRequestParameterException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "请给出期间 period，例如 "
                + "/api/salesperson-reports?period=2026-11 / the parameter period is required");
    }

    /** A report as the API shows it. */
    record ReportView(String companyCode, String period, String personCode, String state, BigDecimal salesAmount,
            String analysis, String activities, String marketFeedback, String customerQuotes, String filedBy,
            Instant filedAt) {
        static ReportView of(SalespersonReport r) {
            return new ReportView(r.companyCode(), r.period(), r.personCode(), r.state(), r.salesAmount(), r.analysis(),
                    r.activities(), r.marketFeedback(), r.customerQuotes(), r.filedBy(), r.filedAt());
        }
    }
}
