package com.perftrack.security;

import java.util.List;

/** Thrown at start-up of a production profile while some user can still log in with a known password. */
class DemoPasswordsInUseException extends IllegalStateException {

    private final List<String> userIds;

    DemoPasswordsInUseException(List<String> userIds) {
        super("These users still have a demo or default password: " + String.join(", ", userIds));
        this.userIds = List.copyOf(userIds);
    }

    List<String> userIds() {
        return userIds;
    }
}
