package com.perftrack.modulithfixture.beta.internal;

/** Beta's internal type: public for Java, not part of beta's API for Spring Modulith. */
public class BetaSecret {

    public String value() {
        return "secret";
    }
}
