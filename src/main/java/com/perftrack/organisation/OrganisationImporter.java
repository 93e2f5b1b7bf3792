package com.perftrack.organisation;

import com.perftrack.calendar.BusinessCalendar;
import com.perftrack.security.CompanyAccess;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores an organisation file's units (upsert by code) and the Camunda users it names.
 *
 * <p>Users that do not exist yet are created without a password (they get one through Admin or the
 * identity provider); existing users are never changed. Memberships: a company's user joins
 * {@code committee-chair}, a department's user the department's role group, a person's user
 * {@code employee}; every named user also joins the tenant of its unit's company. The caller's permission to import is checked by the import endpoint; the
 * identity calls then run with the engine's authentication cleared (restored afterwards), as an
 * HR clerk has no CREATE on Camunda users. They join the import's transaction: all or nothing.
 */
@Service
public class OrganisationImporter {

    /** One line of the organisation file, already validated. */
    public record UnitRow(String unitType, String code, String name, String parentCode, String userId, String email,
            String role) {}

    public record Summary(int inserted, int updated, int unchanged, int usersCreated, List<Membership> memberships) {

        public int membershipsCreated() {
            return memberships.size();
        }
    }

    /** A group membership the import created: every one is reported to the importer. */
    public record Membership(String userId, String group) {}

    private final OrganisationService organisation;
    private final JdbcTemplate jdbc;
    private final IdentityService identityService;
    private final BusinessCalendar calendar;
    private final CompanyAccess companies;

    OrganisationImporter(OrganisationService organisation, JdbcTemplate jdbc, IdentityService identityService,
            BusinessCalendar calendar, CompanyAccess companies) {
        this.organisation = organisation;
        this.jdbc = jdbc;
        this.identityService = identityService;
        this.calendar = calendar;
        this.companies = companies;
    }

    /** The parent chain must lead to a company without loops; the validator guarantees it. */
    @Transactional
    public Summary store(List<UnitRow> rows) {
        Map<String, OrgUnit> stored = new HashMap<>();
        organisation.allUnits().forEach(u -> stored.put(u.code(), u));
        Map<String, OrgUnit> merged = new LinkedHashMap<>(stored);
        for (UnitRow r : rows) {
            merged.put(r.code(), new OrgUnit(r.code(), r.unitType(), r.name(), blankToNull(r.parentCode()), null,
                    blankToNull(r.userId()), blankToNull(r.email()), blankToNull(r.role())));
        }
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        Timestamp now = Timestamp.valueOf(calendar.nowZoned().toLocalDateTime());
        for (OrgUnit u : merged.values()) {
            OrgUnit unit = new OrgUnit(u.code(), u.unitType(), u.name(), u.parentCode(), companyOf(u, merged),
                    u.userId(), u.email(), u.role());
            OrgUnit old = stored.get(unit.code());
            if (old == null) {
                inserts.add(new Object[] {unit.code(), unit.unitType(), unit.name(), unit.parentCode(), unit.companyCode(),
                        unit.userId(), unit.email(), unit.role(), now});
            } else if (!Objects.equals(old, unit)) {
                updates.add(new Object[] {unit.unitType(), unit.name(), unit.parentCode(), unit.companyCode(),
                        unit.userId(), unit.email(), unit.role(), now, unit.code()});
            }
        }
        jdbc.batchUpdate("insert into org_unit (code, unit_type, name, parent_code, company_code, user_id, email, role, "
                + "updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", inserts);
        jdbc.batchUpdate("update org_unit set unit_type = ?, name = ?, parent_code = ?, company_code = ?, user_id = ?, "
                + "email = ?, role = ?, updated_at = ? where code = ?", updates);
        List<Membership> memberships = new ArrayList<>();
        int usersCreated = createUsersAndMemberships(rows, memberships);
        joinCompanies(rows, merged);
        Map<String, UnitRow> distinct = new LinkedHashMap<>();
        rows.forEach(r -> distinct.put(r.code(), r));
        int changedFromFile = (int) (inserts.size() + updates.stream().filter(u -> distinct.containsKey((String) u[8])).count());
        return new Summary(inserts.size(), updates.size(), Math.max(0, distinct.size() - changedFromFile),
                usersCreated, List.copyOf(memberships));
    }

    static String companyOf(OrgUnit unit, Map<String, OrgUnit> units) {
        OrgUnit current = unit;
        for (int depth = 0; current != null && depth < 100; depth++) {
            if (OrgUnit.COMPANY.equals(current.unitType())) {
                return current.code();
            }
            current = current.parentCode() == null ? null : units.get(current.parentCode());
        }
        throw new IllegalStateException("unit " + unit.code() + " does not lead to a company");
    }

    /** The group a unit's user joins: committee-chair (company), the role (department), employee (person). */
    public static String groupOf(String unitType, String role) {
        return switch (unitType) {
            case OrgUnit.COMPANY -> "committee-chair";
            case OrgUnit.DEPARTMENT -> role;
            case OrgUnit.PERSON -> "employee";
            default -> null;
        };
    }

    private int createUsersAndMemberships(List<UnitRow> rows, List<Membership> memberships) {
        Authentication caller = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        int users = 0;
        try {
            for (UnitRow row : rows) {
                String userId = blankToNull(row.userId());
                if (userId == null) {
                    continue;
                }
                if (identityService.createUserQuery().userId(userId).count() == 0) {
                    User user = identityService.newUser(userId);
                    user.setFirstName(row.name());
                    user.setLastName("");
                    user.setEmail(blankToNull(row.email()));
                    identityService.saveUser(user);
                    users++;
                }
                String group = groupOf(row.unitType(), row.role());
                if (group != null && identityService.createGroupQuery().groupId(group).count() > 0
                        && identityService.createUserQuery().userId(userId).memberOfGroup(group).count() == 0) {
                    identityService.createMembership(userId, group);
                    memberships.add(new Membership(userId, group));
                }
            }
        } finally {
            if (caller != null) {
                identityService.setAuthentication(caller);
            }
        }
        return users;
    }

    /**
     * Each company is a Camunda tenant (id = company code); every user a row names becomes a member
     * of its unit's company, so the engine and our API show them that company's data and no other.
     */
    private void joinCompanies(List<UnitRow> rows, Map<String, OrgUnit> units) {
        for (UnitRow row : rows) {
            String company = companyOf(units.get(row.code()), units);
            OrgUnit companyUnit = units.get(company);
            companies.ensureCompany(company, companyUnit == null ? company : companyUnit.name());
            String userId = blankToNull(row.userId());
            if (userId != null) {
                companies.addMember(company, userId);
            }
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
