package com.perftrack.modulithfixture.alpha;

import com.perftrack.modulithfixture.beta.internal.BetaSecret;

/** Reaches into beta's internals: the forbidden dependency ModularityTests must catch. */
public class Alpha {

    public String peek() {
        return new BetaSecret().value();
    }
}
