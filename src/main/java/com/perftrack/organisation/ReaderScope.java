package com.perftrack.organisation;

import com.perftrack.security.CompanyScope;
import com.perftrack.security.OutsideYourCompaniesException;
import java.util.Set;

/**
 * What the caller of a read may see, the same for every endpoint. Administrators see every
 * company; anyone else only the companies they belong to (tenant memberships). Inside those, a
 * committee member (any group of SPEC.md section 1 but {@code employee}) sees every unit, an
 * employee only the person units whose user they are and their companies' totals.
 */
public record ReaderScope(String userId, CompanyScope companies, boolean employee, Set<String> ownPersons) {

    public ReaderScope {
        ownPersons = Set.copyOf(ownPersons);
    }

    /** Administrators: every company, every unit. */
    public boolean everything() {
        return companies.all();
    }

    public boolean seesCompany(String companyCode) {
        return companies.includes(companyCode);
    }

    public boolean sees(OrgUnit unit) {
        return unit != null && sees(unit.unitType(), unit.code(), unit.companyCode());
    }

    public boolean sees(String unitType, String unitCode, String companyCode) {
        if (!companies.includes(companyCode)) {
            return false;
        }
        if (!employee) {
            return true;
        }
        return OrgUnit.PERSON.equals(unitType) ? ownPersons.contains(unitCode) : OrgUnit.COMPANY.equals(unitType);
    }

    /** Person rows (evaluations, archive): an employee sees their own only. */
    public boolean seesPerson(String personCode, String companyCode) {
        return sees(OrgUnit.PERSON, personCode, companyCode);
    }

    public void requireCompany(String companyCode) {
        if (!seesCompany(companyCode)) {
            throw new OutsideYourCompaniesException("公司 " + companyCode + " / company " + companyCode);
        }
    }

    public void require(OrgUnit unit) {
        if (!sees(unit)) {
            throw new OutsideYourCompaniesException(unit.unitType() + " " + unit.code());
        }
    }
}
