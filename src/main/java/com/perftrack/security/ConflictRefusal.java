package com.perftrack.security;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A business refusal because the thing exists or changed already (a second cycle for a running
 * period, a task someone else has just completed): 409 through REST, the sentence in Tasklist.
 */
public class ConflictRefusal extends BadUserRequestException {

    public ConflictRefusal(String message) {
        super(message);
    }
}
