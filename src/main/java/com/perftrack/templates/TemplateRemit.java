package com.perftrack.templates;

import com.perftrack.imports.LineError;
import com.perftrack.organisation.OrgUnit;
import com.perftrack.security.CompanyScope;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.authorization.Groups;

/**
 * Who may file a template for a unit, the figures import's rule (imports' ImportRemit) narrowed as
 * issue 16 asks: an administrator any unit; the secretary-general any unit of their companies; a
 * department's head (the department unit's user) the department and every unit below it.
 */
record TemplateRemit(String userId, Set<String> groups, CompanyScope companies, Map<String, OrgUnit> units) {

    boolean administrator() {
        return groups.contains(Groups.CAMUNDA_ADMIN);
    }

    boolean companyWide(String companyCode) {
        return administrator() || (groups.contains("secretary-general") && companies.includes(companyCode));
    }

    boolean allows(OrgUnit unit) {
        if (companyWide(unit.companyCode())) {
            return true;
        }
        Set<String> seen = new HashSet<>();
        for (OrgUnit current = unit; current != null && seen.add(current.code());
                current = current.parentCode() == null ? null : units.get(current.parentCode())) {
            if (OrgUnit.DEPARTMENT.equals(current.unitType()) && userId.equals(current.userId())
                    && companies.includes(current.companyCode())) {
                return true;
            }
        }
        return false;
    }

    /** The error of a line whose unit is outside the remit, or null. */
    LineError check(int line, String field, OrgUnit unit) {
        if (allows(unit)) {
            return null;
        }
        return new LineError(line, field, "单位 " + unit.code() + " 不在您的职责范围内 / unit " + unit.code() + " ("
                + unit.unitType() + ", company " + unit.companyCode() + ") is outside your remit: the secretary-general "
                + "of its company or the head of its department");
    }

    static void refuse(List<LineError> errors) {
        if (!errors.isEmpty()) {
            throw new OutsideRemitException(errors);
        }
    }

    /** Lines outside the caller's remit: nothing is stored (403). */
    static class OutsideRemitException extends RuntimeException {

        final transient List<LineError> errors;

        OutsideRemitException(List<LineError> errors) {
            super(errors.size() + " line(s) outside the remit");
            this.errors = List.copyOf(errors);
        }
    }
}
