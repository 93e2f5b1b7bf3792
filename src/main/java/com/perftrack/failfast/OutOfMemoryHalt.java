package com.perftrack.failfast;

import java.util.function.IntConsumer;

/**
 * Ends the JVM when an {@link OutOfMemoryError} reaches a request or thread boundary (issue 12: an
 * OutOfMemoryError killed Tomcat's poller thread; the process stayed alive and never answered
 * again). After an OutOfMemoryError no thread's state can be trusted, so nothing is cleaned up:
 * {@link Runtime#halt(int)} with status 3, the status {@code -XX:+ExitOnOutOfMemoryError} gives.
 */
final class OutOfMemoryHalt {

    static final int STATUS = 3;

    private final IntConsumer halt;

    /** @param halt {@code Runtime.getRuntime()::halt}; tests pass a recorder */
    OutOfMemoryHalt(IntConsumer halt) {
        this.halt = halt;
    }

    static OutOfMemoryHalt ofRuntime() {
        return new OutOfMemoryHalt(status -> Runtime.getRuntime().halt(status));
    }

    /** Halts when {@code problem} is or was caused by an OutOfMemoryError; returns whether it was one. */
    boolean haltIfOutOfMemory(Throwable problem) {
        int depth = 0;
        for (Throwable t = problem; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof OutOfMemoryError) {
                // a constant string: no allocation to speak of, and stderr reaches the supervisor's log
                System.err.println("OutOfMemoryError: halting the JVM (status 3) so that it is restarted");
                halt.accept(STATUS);
                return true;
            }
        }
        return false;
    }
}
