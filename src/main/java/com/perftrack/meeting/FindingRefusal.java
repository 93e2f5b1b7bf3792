package com.perftrack.meeting;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A change of a finding that is refused, with one sentence (Chinese, English after the slash). In
 * Tasklist the sentence is the task's error; through REST it is a problem of {@link #status()}
 * (404 unknown, 409 no longer changeable, 422 bad value). Nothing was changed.
 */
public class FindingRefusal extends BadUserRequestException {

    public enum Kind { NOT_FOUND, CONFLICT, INVALID }

    private final Kind kind;

    public FindingRefusal(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    static FindingRefusal invalid(String message) {
        return new FindingRefusal(Kind.INVALID, message);
    }

    static FindingRefusal conflict(String message) {
        return new FindingRefusal(Kind.CONFLICT, message);
    }

    static FindingRefusal notFound(long id) {
        return new FindingRefusal(Kind.NOT_FOUND, "没有编号为 " + id + " 的问题 / no finding " + id);
    }
}
