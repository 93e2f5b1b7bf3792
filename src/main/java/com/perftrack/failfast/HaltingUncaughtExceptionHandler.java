package com.perftrack.failfast;

/**
 * The thread boundary: an OutOfMemoryError that ends any thread (Tomcat's poller, the job
 * executor, a pool thread) halts the JVM; anything else goes to the handler that was there before.
 */
final class HaltingUncaughtExceptionHandler implements Thread.UncaughtExceptionHandler {

    private final OutOfMemoryHalt halt;
    private final Thread.UncaughtExceptionHandler previous;

    HaltingUncaughtExceptionHandler(OutOfMemoryHalt halt, Thread.UncaughtExceptionHandler previous) {
        this.halt = halt;
        this.previous = previous;
    }

    Thread.UncaughtExceptionHandler previous() {
        return previous;
    }

    @Override
    public void uncaughtException(Thread thread, Throwable problem) {
        if (halt.haltIfOutOfMemory(problem)) {
            return;
        }
        if (previous != null) {
            previous.uncaughtException(thread, problem);
        } else {
            // what the JVM prints without a default handler
            System.err.print("Exception in thread \"" + thread.getName() + "\" ");
            problem.printStackTrace(System.err);
        }
    }
}
