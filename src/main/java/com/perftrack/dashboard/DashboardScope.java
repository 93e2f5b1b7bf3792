package com.perftrack.dashboard;

import com.perftrack.organisation.OrgUnit;
import java.util.Set;

/**
 * What the caller may see. Committee groups (every group of SPEC.md section 1 but
 * {@code employee}) and camunda-admin see every unit; anyone else sees the person units whose
 * user they are and the totals of those persons' companies.
 */
record DashboardScope(String userId, boolean everything, Set<String> ownPersons, Set<String> ownCompanies) {

    boolean canSee(String unitType, String unitCode) {
        if (everything) {
            return true;
        }
        return OrgUnit.PERSON.equals(unitType) ? ownPersons.contains(unitCode)
                : OrgUnit.COMPANY.equals(unitType) && ownCompanies.contains(unitCode);
    }

    boolean canSeeCompany(String companyCode) {
        return everything || ownCompanies.contains(companyCode);
    }
}
