package com.perftrack.security;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Outermost engine interceptor: remembers, for the current thread, the refusal behind a failed
 * command — our listeners' {@link BadUserRequestException} under the engine's wrappers
 * ("ENGINE-03051 There was an exception while invoking the TaskListener…", "Cannot instantiate
 * process definition…"), or the conflict of two people completing one task at once.
 * {@link RefusalResponseFilter} turns it into a 4xx with the refusal's own sentence.
 */
class RefusalRecorder extends CommandInterceptor {

    private static final ThreadLocal<RuntimeException> LAST = new ThreadLocal<>();

    @Override
    public <T> T execute(Command<T> command) {
        try {
            return next.execute(command);
        } catch (RuntimeException e) {
            RuntimeException refusal = refusalIn(e);
            if (refusal != null) {
                LAST.set(refusal);
            }
            throw e;
        }
    }

    static RuntimeException refusalIn(Throwable failure) {
        RuntimeException found = null;
        for (Throwable t = failure; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof BadUserRequestException || t instanceof OptimisticLockingException) {
                found = (RuntimeException) t; // the innermost one says what was refused
            }
        }
        return found;
    }

    static RuntimeException take() {
        RuntimeException refusal = LAST.get();
        LAST.remove();
        return refusal;
    }

    static void clear() {
        LAST.remove();
    }
}
