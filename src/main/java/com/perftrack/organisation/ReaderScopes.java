package com.perftrack.organisation;

import com.perftrack.security.CommitteeGroup;
import com.perftrack.security.CompanyAccess;
import com.perftrack.security.CompanyScope;
import com.perftrack.security.CurrentUser;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/** Builds the {@link ReaderScope} of the current request from its user, groups, companies and person units. */
@Component
public class ReaderScopes {

    /** Every group of SPEC.md section 1 but {@code employee}: they read their companies' every unit. */
    public static final Set<String> COMMITTEE = Arrays.stream(CommitteeGroup.values())
            .filter(g -> g != CommitteeGroup.EMPLOYEE).map(CommitteeGroup::id)
            .collect(Collectors.toUnmodifiableSet());

    private final OrganisationService organisation;
    private final CompanyAccess companies;

    ReaderScopes(OrganisationService organisation, CompanyAccess companies) {
        this.organisation = organisation;
        this.companies = companies;
    }

    public ReaderScope current() {
        CurrentUser user = CurrentUser.get().orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
        CompanyScope scope = companies.of(user);
        boolean employee = !scope.all() && !user.isMemberOfAny(COMMITTEE);
        Set<String> own = employee
                ? organisation.personsOfUser(user.userId()).stream().filter(u -> scope.includes(u.companyCode()))
                        .map(OrgUnit::code).collect(Collectors.toSet())
                : Set.of();
        return new ReaderScope(user.userId(), scope, employee, own);
    }

    /**
     * The company a read without {@code companyCode} means: the installation's default company when
     * the caller may see it, else the caller's only company; a named company must be visible.
     */
    public String companyOrDefault(ReaderScope scope, String companyCode, String installationDefault) {
        if (companyCode != null && !companyCode.isBlank()) {
            scope.requireCompany(companyCode);
            return companyCode;
        }
        String company = scope.seesCompany(installationDefault) || scope.companies().companies().size() != 1
                ? installationDefault : scope.companies().companies().iterator().next();
        scope.requireCompany(company);
        return company;
    }

    /** The unit a filter names, 403 when outside the scope; empty when it does not exist. */
    public Optional<OrgUnit> visibleUnit(ReaderScope scope, String unitCode) {
        Optional<OrgUnit> unit = organisation.findUnit(unitCode);
        unit.ifPresent(scope::require);
        return unit;
    }

    /** The person units whose Camunda user this is. */
    public Set<String> ownPersons(String userId) {
        return organisation.personsOfUser(userId).stream().map(OrgUnit::code).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Which rows of a list (figures, results, data gaps) the scope keeps. An employee's are their own
     * person rows and their companies' totals, known without a query; a committee member's are the
     * rows of units of their companies, read as one two-column query of those companies' units.
     */
    public java.util.function.BiPredicate<String, String> rowFilter(ReaderScope scope) {
        if (scope.everything()) {
            return (unitType, unitCode) -> true;
        }
        if (scope.employee()) {
            return (unitType, unitCode) -> OrgUnit.COMPANY.equals(unitType) ? scope.seesCompany(unitCode)
                    : OrgUnit.PERSON.equals(unitType) && scope.ownPersons().contains(unitCode);
        }
        Map<String, String> companyOf = organisation.companyOfUnits(scope.companies().companies());
        return (unitType, unitCode) -> scope.sees(unitType, unitCode, companyOf.get(unitCode));
    }
}
