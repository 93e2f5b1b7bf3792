package com.perftrack.security;

import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * Counts changes of users, groups, memberships and tenants made through the engine on this node,
 * so that remembered logins made before a change are not trusted after it (a changed password,
 * a removed membership or a deleted user take effect with the next request).
 */
@Component
class IdentityChanges {

    private final AtomicLong version = new AtomicLong();

    long version() {
        return version.get();
    }

    void changed() {
        version.incrementAndGet();
    }
}
