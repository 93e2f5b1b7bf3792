package com.perftrack.sales;

import com.perftrack.organisation.OrgUnit;
import com.perftrack.organisation.OrganisationService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Who the sales rhythm is for: the sales persons of a company are the person units below its sales
 * department (the department whose role is {@code sales}, at any depth, e.g. under a region), whatever
 * their own role, that have a Camunda user; the sales head is that department's user.
 */
@Component
class SalesPersons {

    static final String SALES_ROLE = "sales";

    private final OrganisationService organisation;

    SalesPersons(OrganisationService organisation) {
        this.organisation = organisation;
    }

    /** By person code. */
    List<OrgUnit> of(String companyCode) {
        Optional<OrgUnit> department = organisation.department(companyCode, SALES_ROLE);
        if (department.isEmpty()) {
            return List.of();
        }
        Map<String, OrgUnit> byCode = new HashMap<>();
        List<OrgUnit> units = new ArrayList<>();
        for (String type : new String[] {OrgUnit.DEPARTMENT, OrgUnit.REGION, OrgUnit.PERSON}) {
            units.addAll(organisation.units(companyCode, type));
        }
        units.forEach(u -> byCode.put(u.code(), u));
        String sales = department.get().code();
        return units.stream().filter(OrgUnit::isPerson).filter(p -> p.userId() != null && !p.userId().isBlank())
                .filter(p -> {
                    OrgUnit unit = byCode.get(p.parentCode());
                    for (int depth = 0; unit != null && depth < 10; depth++) {
                        if (sales.equals(unit.code())) {
                            return true;
                        }
                        unit = byCode.get(unit.parentCode());
                    }
                    return false;
                }).toList();
    }

    Optional<String> head(String companyCode) {
        return organisation.managerUserId(companyCode, SALES_ROLE);
    }

    /** "name code" as the forms show a person. */
    String name(String personCode) {
        return organisation.findUnit(personCode).map(u -> u.name() + " " + u.code()).orElse(personCode);
    }

    boolean isCompany(String companyCode) {
        return organisation.findUnit(companyCode).filter(u -> OrgUnit.COMPANY.equals(u.unitType())).isPresent();
    }

    List<String> companies() {
        return organisation.companies().stream().map(OrgUnit::code).toList();
    }
}
