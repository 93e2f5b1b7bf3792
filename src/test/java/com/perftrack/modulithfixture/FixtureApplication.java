package com.perftrack.modulithfixture;

/**
 * A two-module application that breaks the rules on purpose, for {@code ModularityTests}: alpha uses a
 * type of beta's internal package and beta calls back into alpha (a cycle). Never started.
 */
public final class FixtureApplication {

    private FixtureApplication() {
    }
}
