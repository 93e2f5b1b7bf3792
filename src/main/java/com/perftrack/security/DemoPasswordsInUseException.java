package com.perftrack.security;

import java.util.List;

/** Thrown at start-up of a production profile while some user can still log in with a known password. */
class DemoPasswordsInUseException extends IllegalStateException {

    private final List<String> userIds;
    private final boolean weakDemoPassword;

    DemoPasswordsInUseException(List<String> userIds) {
        super("These users still have a demo or default password: " + String.join(", ", userIds));
        this.userIds = List.copyOf(userIds);
        this.weakDemoPassword = false;
    }

    private DemoPasswordsInUseException() {
        super("The demo users are switched on (PTC_DEMO=true) without a DEMO_PASSWORD of at least 8 characters");
        this.userIds = List.of();
        this.weakDemoPassword = true;
    }

    static DemoPasswordsInUseException weakDemoPassword() {
        return new DemoPasswordsInUseException();
    }

    boolean isWeakDemoPassword() {
        return weakDemoPassword;
    }

    List<String> userIds() {
        return userIds;
    }
}
