package com.perftrack.organisation;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reads the organisation (table {@code org_unit}); other features use this, never their own SQL. */
@Service
public class OrganisationService {

    static final String COLUMNS = "code, unit_type, name, parent_code, company_code, user_id, email, role";
    static final RowMapper<OrgUnit> ROW = (rs, n) -> new OrgUnit(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8));

    private final JdbcClient jdbc;

    public OrganisationService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<OrgUnit> findUnit(String code) {
        return jdbc.sql("select " + COLUMNS + " from org_unit where code = ?").param(code).query(ROW).optional();
    }

    /** The department of a company that plays a committee role (group id such as {@code sales}). */
    public Optional<OrgUnit> department(String companyCode, String departmentRole) {
        return jdbc.sql("select " + COLUMNS + " from org_unit where company_code = ? and unit_type = 'department' "
                        + "and role = ? order by code")
                .params(companyCode, departmentRole).query(ROW).list().stream().findFirst();
    }

    /** The Camunda user of the manager of that department, as the organisation file names it. */
    public Optional<String> managerUserId(String companyCode, String departmentRole) {
        return department(companyCode, departmentRole).map(OrgUnit::userId).filter(u -> !u.isBlank());
    }

    /** The general manager (the company unit's user). */
    public Optional<String> generalManagerUserId(String companyCode) {
        return findUnit(companyCode).filter(u -> OrgUnit.COMPANY.equals(u.unitType()))
                .map(OrgUnit::userId).filter(u -> !u.isBlank());
    }

    /** Person units whose Camunda user is this user id (normally one). */
    public List<OrgUnit> personsOfUser(String userId) {
        return jdbc.sql("select " + COLUMNS + " from org_unit where unit_type = 'person' and user_id = ? order by code")
                .param(userId).query(ROW).list();
    }

    /**
     * Whether the user manages the person: the user of a department, region or company above the
     * person in the organisation file (the department head, the regional manager, the general manager).
     */
    public boolean managesPerson(String userId, String personCode) {
        if (userId == null || userId.isBlank()) {
            return false;
        }
        Optional<OrgUnit> unit = findUnit(personCode).filter(OrgUnit::isPerson).flatMap(p -> Optional.ofNullable(p.parentCode()))
                .flatMap(this::findUnit);
        for (int depth = 0; unit.isPresent() && depth < 10; depth++) {
            if (userId.equals(unit.get().userId())) {
                return true;
            }
            unit = Optional.ofNullable(unit.get().parentCode()).flatMap(this::findUnit);
        }
        return false;
    }

    /** The person units the user manages (see {@link #managesPerson}), read as one query of the whole tree. */
    public List<OrgUnit> managedPersons(String userId) {
        if (userId == null || userId.isBlank()) {
            return List.of();
        }
        java.util.Map<String, OrgUnit> byCode = new java.util.HashMap<>();
        List<OrgUnit> all = allUnits();
        all.forEach(u -> byCode.put(u.code(), u));
        return all.stream().filter(OrgUnit::isPerson).filter(p -> {
            OrgUnit unit = p.parentCode() == null ? null : byCode.get(p.parentCode());
            for (int depth = 0; unit != null && depth < 10; depth++) {
                if (userId.equals(unit.userId())) {
                    return true;
                }
                unit = unit.parentCode() == null ? null : byCode.get(unit.parentCode());
            }
            return false;
        }).toList();
    }

    public List<OrgUnit> units(String companyCode, String unitType) {
        return jdbc.sql("select " + COLUMNS + " from org_unit where company_code = ? and unit_type = ? order by code")
                .params(companyCode, unitType).query(ROW).list();
    }

    /** Unit code → company code of the units of these companies (two columns, no whole units). */
    public java.util.Map<String, String> companyOfUnits(java.util.Collection<String> companyCodes) {
        java.util.Map<String, String> companyOf = new java.util.HashMap<>();
        if (companyCodes.isEmpty()) {
            return companyOf;
        }
        jdbc.sql("select code, company_code from org_unit where company_code in (:companies)")
                .param("companies", companyCodes)
                .query((rs, n) -> companyOf.put(rs.getString(1), rs.getString(2))).list();
        return companyOf;
    }

    /** Every unit of every company, for calculations that walk the whole tree at once. */
    public List<OrgUnit> allUnits() {
        return jdbc.sql("select " + COLUMNS + " from org_unit order by code").query(ROW).list();
    }

    public List<OrgUnit> companies() {
        return jdbc.sql("select " + COLUMNS + " from org_unit where unit_type = 'company' order by code").query(ROW).list();
    }
}
