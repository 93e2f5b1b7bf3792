package com.perftrack.dashboard;

import com.perftrack.organisation.OrgUnit;
import com.perftrack.organisation.OrganisationService;
import com.perftrack.security.CommitteeGroup;
import com.perftrack.security.CurrentUser;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/** Builds the {@link DashboardScope} of the current request from its Camunda groups and the organisation. */
@Component
class DashboardScopes {

    private static final Set<String> SEE_EVERYTHING = java.util.stream.Stream.concat(
                    java.util.Arrays.stream(CommitteeGroup.values()).filter(g -> g != CommitteeGroup.EMPLOYEE)
                            .map(CommitteeGroup::id), java.util.stream.Stream.of(Groups.CAMUNDA_ADMIN))
            .collect(Collectors.toUnmodifiableSet());

    private final OrganisationService organisation;

    DashboardScopes(OrganisationService organisation) {
        this.organisation = organisation;
    }

    DashboardScope current() {
        CurrentUser user = CurrentUser.get().orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
        if (user.isMemberOfAny(SEE_EVERYTHING)) {
            return new DashboardScope(user.userId(), true, Set.of(), Set.of());
        }
        List<OrgUnit> persons = organisation.personsOfUser(user.userId());
        return new DashboardScope(user.userId(), false,
                persons.stream().map(OrgUnit::code).collect(Collectors.toUnmodifiableSet()),
                persons.stream().map(OrgUnit::companyCode).collect(Collectors.toUnmodifiableSet()));
    }

    /** Refuses a unit outside the scope with 403, so the page cannot be talked into showing it. */
    static void require(DashboardScope scope, String unitType, String unitCode) {
        if (!scope.canSee(unitType, unitCode)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "无权查看该单位 / not allowed to see " + unitType + " " + unitCode);
        }
    }
}
