package com.perftrack.dashboard;

import com.perftrack.organisation.OrgUnit;
import com.perftrack.organisation.ReaderScope;
import java.util.TreeSet;

/**
 * What the caller may see on the dashboard: the shared {@link ReaderScope} of every read. The
 * committee of a company (and administrators, for every company) sees every unit of it; an
 * employee sees the person units whose user they are and the totals of their companies.
 */
record DashboardScope(ReaderScope reader) {

    String userId() {
        return reader.userId();
    }

    /** Sees every unit of the companies it sees: such answers do not depend on who asks. */
    boolean everything() {
        return !reader.employee();
    }

    boolean canSee(OrgUnit unit) {
        return reader.sees(unit);
    }

    boolean canSeeCompany(String companyCode) {
        return reader.seesCompany(companyCode);
    }

    /** Part of every cached answer's key: committee members of the same companies share answers. */
    String companiesKey() {
        return reader.everything() ? "*" : String.join(",", new TreeSet<>(reader.companies().companies()));
    }
}
