package com.perftrack.imports;

import com.perftrack.kpi.FigureView;
import com.perftrack.organisation.OrgUnit;
import com.perftrack.organisation.OrganisationImporter;
import com.perftrack.organisation.OrganisationImporter.UnitRow;
import com.perftrack.security.CompanyScope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.authorization.Groups;

/**
 * Who may write which lines of an import file (issue 10). An administrator may write anything.
 * Otherwise the organisation belongs to its company's HR, who may not create or move companies'
 * units across companies nor make themselves the user of a unit for their own benefit; figures
 * belong to HR and the secretary-general of the unit's company and to the head of the department
 * the unit belongs to. Plain rules over the stored organisation; the caller's rows are checked
 * before anything is stored, and every line outside the remit is reported.
 */
final class ImportRemit {

    /** The importing user: id, Camunda groups and companies (tenants). */
    record Caller(String userId, Set<String> groups, CompanyScope companies) {

        Caller {
            groups = Set.copyOf(groups);
        }

        /** The application itself (demo set-up): trusted like an administrator. */
        static Caller system(String userId) {
            return new Caller(userId, Set.of(Groups.CAMUNDA_ADMIN), CompanyScope.ALL);
        }

        boolean administrator() {
            return groups.contains(Groups.CAMUNDA_ADMIN);
        }
    }

    record Numbered<T>(int line, T row) {}

    private final Map<String, OrgUnit> stored;

    /** @param stored every stored unit by code */
    ImportRemit(Map<String, OrgUnit> stored) {
        this.stored = stored;
    }

    List<LineError> organisation(Caller caller, List<Numbered<UnitRow>> rows) {
        if (caller.administrator()) {
            return List.of();
        }
        Map<String, String> types = new HashMap<>();
        Map<String, String> parents = new HashMap<>();
        stored.values().forEach(u -> {
            types.put(u.code(), u.unitType());
            parents.put(u.code(), u.parentCode());
        });
        rows.forEach(r -> {
            types.put(r.row().code(), r.row().unitType());
            parents.put(r.row().code(), r.row().parentCode());
        });
        List<LineError> errors = new ArrayList<>();
        for (Numbered<UnitRow> numbered : rows) {
            UnitRow row = numbered.row();
            int line = numbered.line();
            OrgUnit old = stored.get(row.code());
            String company = companyOf(row.code(), types, parents);
            if (old == null && OrgUnit.COMPANY.equals(row.unitType())) {
                errors.add(new LineError(line, "code", "只有系统管理员可以新建公司 " + row.code()
                        + " / only an administrator creates a company (" + row.code() + ")"));
                continue;
            }
            if (old != null && !Objects.equals(old.companyCode(), company)) {
                errors.add(new LineError(line, "parent_code", "只有系统管理员可以把单位 " + row.code() + " 从公司 "
                        + old.companyCode() + " 移到 " + company + " / only an administrator moves unit " + row.code()
                        + " from company " + old.companyCode() + " to " + company));
                continue;
            }
            if (!caller.companies().includes(company)) {
                errors.add(new LineError(line, "code", "单位 " + row.code() + " 属于公司 " + company
                        + "，不是您的公司 / unit " + row.code() + " belongs to company " + company + ", not one of yours"));
                continue;
            }
            if (caller.userId().equals(row.userId())) {
                String group = OrganisationImporter.groupOf(row.unitType(), row.role());
                if (old != null && !caller.userId().equals(old.userId())) {
                    errors.add(new LineError(line, "user_id", "不能把单位 " + row.code() + " 的用户改成您自己 / you may not "
                            + "make yourself the user of unit " + row.code() + " (now " + old.userId() + ")"));
                } else if (group != null && !caller.groups().contains(group)) {
                    errors.add(new LineError(line, "user_id", "不能通过导入把自己加入用户组 " + group + " / an import may not "
                            + "add you to group " + group));
                }
            }
        }
        return errors;
    }

    List<LineError> figures(Caller caller, List<Numbered<FigureView>> rows) {
        return figures(caller, rows, Map.of());
    }

    /** Weight sets: HR and the secretary-general set their own company's; an administrator any. */
    List<LineError> weights(Caller caller, List<Numbered<com.perftrack.kpi.KpiCatalog.WeightRow>> rows) {
        if (caller.administrator()) {
            return List.of();
        }
        List<LineError> errors = new ArrayList<>();
        for (var numbered : rows) {
            String company = numbered.row().companyCode();
            if (!caller.companies().includes(company)) {
                errors.add(new LineError(numbered.line(), "company_code", "您不属于公司 " + company
                        + "，不能设定其权重 / you are not a member of company " + company + " and cannot set its weights"));
            }
        }
        return errors;
    }

    /**
     * @param kpiSources KPI code → the department (group id) that reports it: a department head
     *                   also reports the company-level figures of the KPIs their department owns
     *                   (sales.head the company's ORDER_CONVERSION, never quality's COMPLAINTS)
     */
    List<LineError> figures(Caller caller, List<Numbered<FigureView>> rows, Map<String, String> kpiSources) {
        if (caller.administrator()) {
            return List.of();
        }
        boolean companyWide = caller.groups().contains("hr") || caller.groups().contains("secretary-general");
        Set<String> headed = new HashSet<>();
        stored.values().stream().filter(u -> OrgUnit.DEPARTMENT.equals(u.unitType()))
                .filter(u -> caller.userId().equals(u.userId())).forEach(u -> headed.add(u.code()));
        List<LineError> errors = new ArrayList<>();
        for (Numbered<FigureView> numbered : rows) {
            OrgUnit unit = stored.get(numbered.row().unitCode());
            if (unit == null) {
                continue; // the validator reports unknown units
            }
            boolean allowed = (companyWide && caller.companies().includes(unit.companyCode()))
                    || underAny(unit, headed)
                    || (OrgUnit.COMPANY.equals(unit.unitType()) && headsSourceOf(headed, unit.code(),
                            kpiSources.get(numbered.row().kpiCode())));
            if (!allowed) {
                errors.add(new LineError(numbered.line(), "unit_code", "单位 " + unit.code() + " 不在您的职责范围内 / unit "
                        + unit.code() + " (" + unit.unitType() + ", company " + unit.companyCode()
                        + ") is outside your remit: HR and the secretary-general of its company or the head of its department"));
            }
        }
        return errors;
    }

    /** One of the departments is a department of that company playing the KPI's source role. */
    private boolean headsSourceOf(Set<String> departments, String companyCode, String sourceRole) {
        if (sourceRole == null) {
            return false;
        }
        for (String code : departments) {
            OrgUnit department = stored.get(code);
            if (department != null && companyCode.equals(department.companyCode()) && sourceRole.equals(department.role())) {
                return true;
            }
        }
        return false;
    }

    /** The unit is one of the departments or lies below one of them (walking parent_code). */
    private boolean underAny(OrgUnit unit, Set<String> departments) {
        OrgUnit current = unit;
        for (int depth = 0; current != null && depth < 100; depth++) {
            if (departments.contains(current.code())) {
                return true;
            }
            current = current.parentCode() == null ? null : stored.get(current.parentCode());
        }
        return false;
    }

    private static String companyOf(String code, Map<String, String> types, Map<String, String> parents) {
        String current = code;
        for (int depth = 0; current != null && depth < 100; depth++) {
            if (OrgUnit.COMPANY.equals(types.get(current))) {
                return current;
            }
            current = parents.get(current);
        }
        return null;
    }
}
