package com.perftrack.archive;

import com.perftrack.organisation.OrgUnit;
import com.perftrack.organisation.OrganisationService;
import com.perftrack.organisation.ReaderScope;
import com.perftrack.organisation.ReaderScopes;
import com.perftrack.security.CurrentUser;
import com.perftrack.security.OutsideYourCompaniesException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/archive/{personCode}}: a person reads their own archive, a manager (the user of a
 * department, region or company above the person) their people's (403 otherwise); HR and the committee
 * leadership (chair, vice-chair, secretary-general) read everyone's of their companies; administrators
 * read all.
 */
@RestController
class ArchiveController {

    static final Set<String> SEE_ALL = Set.of("hr", "committee-chair", "committee-vice-chair", "secretary-general");

    private final ArchiveService archive;
    private final OrganisationService organisation;
    private final ReaderScopes scopes;

    ArchiveController(ArchiveService archive, OrganisationService organisation, ReaderScopes scopes) {
        this.archive = archive;
        this.organisation = organisation;
        this.scopes = scopes;
    }

    /**
     * {@code GET /api/archive}: the people whose archive the caller may open (the archive page's
     * picker): their own person units, the people they manage, and for HR and the leadership every
     * person of their companies. {@code [{code, name, own}]}, own first, then by code.
     */
    @GetMapping("/api/archive")
    List<Map<String, Object>> readablePeople() {
        CurrentUser user = CurrentUser.get().orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
        ReaderScope scope = scopes.current();
        Map<String, OrgUnit> people = new TreeMap<>();
        Set<String> own = new java.util.HashSet<>();
        organisation.personsOfUser(user.userId()).forEach(p -> {
            people.put(p.code(), p);
            own.add(p.code());
        });
        organisation.managedPersons(user.userId()).stream().filter(p -> scope.seesCompany(p.companyCode()))
                .forEach(p -> people.put(p.code(), p));
        if (user.isMemberOfAny(SEE_ALL) || scope.everything()) {
            List<OrgUnit> companies = organisation.companies();
            companies.stream().filter(c -> scope.seesCompany(c.code()))
                    .flatMap(c -> organisation.units(c.code(), OrgUnit.PERSON).stream())
                    .forEach(p -> people.put(p.code(), p));
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        people.values().stream().sorted(Comparator.comparing((OrgUnit p) -> !own.contains(p.code()))
                .thenComparing(OrgUnit::code)).forEach(p -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("code", p.code());
                    row.put("name", p.name());
                    row.put("own", own.contains(p.code()));
                    rows.add(row);
                });
        return rows;
    }

    @GetMapping("/api/archive/{personCode}")
    List<ArchiveEntry> archive(@PathVariable String personCode) {
        CurrentUser user = CurrentUser.get().orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
        boolean own = organisation.personsOfUser(user.userId()).stream().anyMatch(p -> p.code().equals(personCode));
        if (!own && !user.isMemberOfAny(SEE_ALL) && !organisation.managesPerson(user.userId(), personCode)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "只能查看本人或本人所管理人员的业绩跟踪档案 / you may read only your own archive or those of the "
                            + "people you manage");
        }
        ReaderScope scope = scopes.current();
        if (!own && !scope.everything()) {
            // HR and leadership read the archives of their own companies' people only
            String company = organisation.findUnit(personCode).map(OrgUnit::companyCode).orElse(null);
            if (company != null ? !scope.seesCompany(company) : !archive.entriesOf(personCode).isEmpty()) {
                throw new OutsideYourCompaniesException("人员 " + personCode + " 的档案 / the archive of " + personCode);
            }
        }
        return archive.entriesOf(personCode);
    }
}
