package com.perftrack.modulithfixture.beta;

import com.perftrack.modulithfixture.alpha.Alpha;

/** Beta's API, which calls back into alpha: together with Alpha a cycle. */
public class Beta {

    public String echo() {
        return new Alpha().peek();
    }
}
