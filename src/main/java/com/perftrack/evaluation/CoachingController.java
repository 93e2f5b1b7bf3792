package com.perftrack.evaluation;

import com.perftrack.calendar.Period;
import com.perftrack.organisation.ReaderScope;
import com.perftrack.organisation.ReaderScopes;
import com.perftrack.security.CurrentUser;
import java.util.List;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/coaching-talks?personCode=} (the person, their managers, HR and the committee's leaders
 * of the company), {@code GET /api/coaching-talks?period=&companyCode=} (HR and the committee's leaders)
 * and {@code POST /api/coaching-talks/open?period=[&companyCode=]} (HR or an administrator: opens the
 * month's talks now instead of waiting for the monthly timer; idempotent).
 */
@RestController
class CoachingController {

    private final CoachingService coaching;
    private final PersonRecordReaders readers;
    private final ReaderScopes scopes;

    CoachingController(CoachingService coaching, PersonRecordReaders readers, ReaderScopes scopes) {
        this.coaching = coaching;
        this.readers = readers;
        this.scopes = scopes;
    }

    @GetMapping("/api/coaching-talks")
    List<CoachingService.CoachingView> talks(@RequestParam(required = false) String personCode,
            @RequestParam(required = false) String period, @RequestParam(required = false) String companyCode) {
        CurrentUser user = CurrentUser.get().orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
        ReaderScope scope = scopes.current();
        if (personCode != null) {
            readers.require(personCode, "面谈反馈", "coaching talks");
            return coaching.ofPerson(personCode);
        }
        if (period == null || companyCode == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "请给出 personCode，或 period 和 companyCode / give "
                    + "personCode, or period and companyCode");
        }
        if (!scope.everything() && !(scope.seesCompany(companyCode) && user.isMemberOfAny(EvaluationController.SEE_ALL))) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "公司的面谈反馈仅供人力资源部和委员会领导 / a company's "
                    + "coaching talks are for HR and the committee's leaders");
        }
        return coaching.ofPeriod(companyCode, Period.parse(period).toString());
    }

    @PostMapping("/api/coaching-talks/open")
    List<CoachingService.Opened> open(@RequestParam String period, @RequestParam(required = false) String companyCode) {
        CurrentUser user = CurrentUser.get().orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
        boolean admin = user.isMemberOf(Groups.CAMUNDA_ADMIN);
        if (!admin && !(user.isMemberOf("hr") && companyCode != null && scopes.current().seesCompany(companyCode))) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有本公司人力资源部可以开启面谈反馈 / only the "
                    + "company's HR opens coaching talks (name the companyCode)");
        }
        return coaching.open(Period.parse(period), companyCode);
    }
}
