package com.perftrack.dashboard;

import com.perftrack.organisation.OrgUnit;
import com.perftrack.organisation.ReaderScopes;
import org.springframework.stereotype.Component;

/** The {@link DashboardScope} of the current request, from the scope every read shares. */
@Component
class DashboardScopes {

    private final ReaderScopes readers;

    DashboardScopes(ReaderScopes readers) {
        this.readers = readers;
    }

    DashboardScope current() {
        return new DashboardScope(readers.current());
    }

    /** Refuses a unit outside the scope with 403, so the page cannot be talked into showing it. */
    static void require(DashboardScope scope, OrgUnit unit) {
        scope.reader().require(unit);
    }
}
