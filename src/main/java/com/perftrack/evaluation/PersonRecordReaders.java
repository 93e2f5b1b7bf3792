package com.perftrack.evaluation;

import com.perftrack.organisation.OrgUnit;
import com.perftrack.organisation.OrganisationService;
import com.perftrack.organisation.ReaderScope;
import com.perftrack.organisation.ReaderScopes;
import com.perftrack.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Who reads a person's own records (improvement plans, coaching talks): the person, their managers
 * (the users of the units above them), HR and the committee's leaders of their company, an administrator.
 */
@Component
class PersonRecordReaders {

    private final OrganisationService organisation;
    private final ReaderScopes scopes;

    PersonRecordReaders(OrganisationService organisation, ReaderScopes scopes) {
        this.organisation = organisation;
        this.scopes = scopes;
    }

    /**
     * The person, when the signed-in user may read their records; else 404 (no such person) or 403 with
     * the sentence {@code "只能查看本人或本人所管理人员的" + whatZh + " / you may read only your own " + whatEn + ..."}.
     */
    OrgUnit require(String personCode, String whatZh, String whatEn) {
        CurrentUser user = CurrentUser.get().orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
        OrgUnit person = organisation.findUnit(personCode).filter(OrgUnit::isPerson).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, "没有人员 " + personCode + " / no person " + personCode));
        ReaderScope scope = scopes.current();
        boolean allowed = scope.everything()
                || scopes.ownPersons(user.userId()).contains(personCode)
                || (scope.seesCompany(person.companyCode()) && (user.isMemberOfAny(EvaluationController.SEE_ALL)
                        || organisation.managesPerson(user.userId(), personCode)));
        if (!allowed) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只能查看本人或本人所管理人员的" + whatZh
                    + " / you may read only your own " + whatEn + " or those of the people you manage");
        }
        return person;
    }
}
