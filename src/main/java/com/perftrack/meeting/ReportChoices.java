package com.perftrack.meeting;

import com.perftrack.kpi.Kpi;
import com.perftrack.kpi.KpiCatalog;
import com.perftrack.organisation.OrgUnit;
import com.perftrack.organisation.OrganisationService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/**
 * What the department report's pickers offer (issue 11: chosen from lists, never typed): the
 * company's departments, its people with their Chinese names, the reporting department's KPIs.
 * Each option is {@code {label, value}} as form-js reads it through {@code valuesKey}.
 */
final class ReportChoices {

    /** The meeting's speaking order (SPEC.md section 2, step 4: sales first), also the pickers' order. */
    static final List<String> ORDER = List.of("sales", "marketing", "production", "quality", "finance", "hr",
            "procurement", "project-management", "contract-planning");

    private final OrganisationService organisation;
    private final KpiCatalog catalog;

    ReportChoices(OrganisationService organisation, KpiCatalog catalog) {
        this.organisation = organisation;
        this.catalog = catalog;
    }

    /** The group ids of the company's committee departments, in the organisation file's order. */
    Set<String> departmentCodes(String company) {
        return departmentNames(company).keySet();
    }

    /** "销售部 sales" for each department of the company; every known department when it has none on file. */
    List<Map<String, String>> departments(String company) {
        Map<String, String> names = departmentNames(company);
        List<Map<String, String>> options = new ArrayList<>();
        if (names.isEmpty()) {
            ORDER.forEach(code -> options.add(option(MeetingTexts.departmentName(code), code)));
        } else {
            names.forEach((code, name) -> options.add(option(name + " " + code, code)));
        }
        return options;
    }

    /** Group id → the unit's name, of the company's departments that play a committee role, in {@link #ORDER}. */
    private Map<String, String> departmentNames(String company) {
        Map<String, String> byRole = new java.util.HashMap<>();
        for (OrgUnit unit : organisation.units(company, OrgUnit.DEPARTMENT)) {
            if (unit.role() != null && ORDER.contains(unit.role())) {
                byRole.putIfAbsent(unit.role(), unit.name());
            }
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        ORDER.stream().filter(byRole::containsKey).forEach(code -> ordered.put(code, byRole.get(code)));
        return ordered;
    }

    /**
     * The company's people who have a Camunda user: the general manager, department and region
     * managers, tracked persons. Label: the user's name (family name first) and what they are
     * ("刘军（销售部经理）", "马芳（华东区）"); value: the user id.
     */
    List<Map<String, String>> people(String company, IdentityService identity) {
        Map<String, String> unitNames = new java.util.HashMap<>();
        List<OrgUnit> units = new ArrayList<>();
        for (String type : List.of(OrgUnit.COMPANY, OrgUnit.DEPARTMENT, OrgUnit.REGION, OrgUnit.PERSON)) {
            for (OrgUnit unit : organisation.units(company, type)) {
                unitNames.put(unit.code(), unit.name());
                units.add(unit);
            }
        }
        Map<String, String> roleOfUser = new LinkedHashMap<>();
        for (OrgUnit unit : units) {
            if (unit.userId() != null && !unit.userId().isBlank()) {
                roleOfUser.putIfAbsent(unit.userId(), switch (unit.unitType()) {
                    case OrgUnit.COMPANY -> "总经理";
                    case OrgUnit.PERSON -> unitNames.getOrDefault(unit.parentCode(), unit.name());
                    default -> unit.name() + "经理";
                });
            }
        }
        if (roleOfUser.isEmpty()) {
            return List.of();
        }
        Map<String, String> names = new LinkedHashMap<>();
        for (User user : identity.createUserQuery().userIdIn(roleOfUser.keySet().toArray(String[]::new)).list()) {
            names.put(user.getId(), (nz(user.getLastName()) + nz(user.getFirstName())).trim());
        }
        List<Map<String, String>> options = new ArrayList<>();
        roleOfUser.forEach((user, role) -> {
            if (names.containsKey(user)) { // a user the engine does not know cannot be responsible
                String name = names.get(user).isEmpty() ? user : names.get(user);
                options.add(option(name + "（" + role + "）", user));
            }
        });
        return options;
    }

    /** Whom an external cause's resources may be asked from: each department, and the general manager. */
    List<Map<String, String>> providers(String company) {
        List<Map<String, String>> options = new ArrayList<>(departments(company));
        options.add(option("总经理 general manager（跨部门的资金或人员 money or people across departments）",
                ResourceRequest.GENERAL_MANAGER));
        return options;
    }

    /**
     * The validator's roster: a responsible person belongs to a responsible department when they are
     * its manager or one of its people (in the department, or in one of its regions); the general
     * manager may own a cross-department finding. A company without departments on file accepts any user.
     */
    MeetingReportValidator.Roster roster(String company) {
        Map<String, String> departmentOfUnit = new java.util.HashMap<>();
        List<OrgUnit> units = new ArrayList<>();
        String generalManager = null;
        for (String type : List.of(OrgUnit.COMPANY, OrgUnit.DEPARTMENT, OrgUnit.REGION, OrgUnit.PERSON)) {
            for (OrgUnit unit : organisation.units(company, type)) {
                units.add(unit);
                if (OrgUnit.COMPANY.equals(type)) {
                    generalManager = unit.userId();
                } else if (OrgUnit.DEPARTMENT.equals(type) && unit.role() != null) {
                    departmentOfUnit.put(unit.code(), unit.role());
                } else if (departmentOfUnit.containsKey(unit.parentCode())) { // regions before persons
                    departmentOfUnit.put(unit.code(), departmentOfUnit.get(unit.parentCode()));
                }
            }
        }
        java.util.Set<String> providers = new java.util.HashSet<>(departmentCodes(company).isEmpty()
                ? MeetingReportValidator.DEPARTMENTS : departmentCodes(company));
        providers.add(ResourceRequest.GENERAL_MANAGER);
        if (departmentOfUnit.isEmpty()) {
            return new MeetingReportValidator.Roster((user, departments) -> true, providers);
        }
        Map<String, java.util.Set<String>> departmentsOfUser = new java.util.HashMap<>();
        for (OrgUnit unit : units) {
            String department = departmentOfUnit.get(unit.code());
            if (department != null && unit.userId() != null && !unit.userId().isBlank()) {
                departmentsOfUser.computeIfAbsent(unit.userId(), u -> new java.util.HashSet<>()).add(department);
            }
        }
        String gm = generalManager;
        return new MeetingReportValidator.Roster((user, departments) -> (departments.size() > 1 && user.equals(gm))
                || departmentsOfUser.getOrDefault(user, java.util.Set.of()).stream().anyMatch(departments::contains),
                providers);
    }

    /** "销售额 SALES_AMOUNT" for each KPI the department reports; the whole catalogue if it reports none. */
    List<Map<String, String>> kpis(String department) {
        List<Kpi> own = catalog.all().stream().filter(k -> department.equals(k.sourceDepartment())).toList();
        List<Map<String, String>> options = new ArrayList<>();
        for (Kpi kpi : own.isEmpty() ? catalog.all() : own) {
            options.add(option(kpi.nameZh() + " " + kpi.code(), kpi.code()));
        }
        return options;
    }

    private static Map<String, String> option(String label, String value) {
        Map<String, String> option = new LinkedHashMap<>();
        option.put("label", label);
        option.put("value", value);
        return option;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
