package com.perftrack.evaluation;

import com.perftrack.calendar.Quarter;
import com.perftrack.organisation.OrgUnit;
import com.perftrack.organisation.OrganisationService;
import com.perftrack.security.CurrentUser;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/evaluations?quarter=YYYY-Qn} (SPEC.md section 6). HR and the committee leadership
 * see every person; anybody else sees only the rows of their own person unit(s).
 */
@RestController
class EvaluationController {

    static final Set<String> SEE_ALL = Set.of("hr", "committee-chair", "committee-vice-chair", "secretary-general");

    private final EvaluationService evaluations;
    private final OrganisationService organisation;

    EvaluationController(EvaluationService evaluations, OrganisationService organisation) {
        this.evaluations = evaluations;
        this.organisation = organisation;
    }

    @GetMapping("/api/evaluations")
    List<EvaluationView> evaluations(@RequestParam String quarter) {
        Quarter q;
        try {
            q = Quarter.parse(quarter);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        CurrentUser user = CurrentUser.get().orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
        List<EvaluationView> all = evaluations.results(q);
        if (user.isMemberOfAny(SEE_ALL)) {
            return all;
        }
        Set<String> own = organisation.personsOfUser(user.userId()).stream().map(OrgUnit::code)
                .collect(Collectors.toSet());
        return all.stream().filter(e -> own.contains(e.personCode())).toList();
    }
}
