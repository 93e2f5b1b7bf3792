package com.perftrack.imports;

import java.util.concurrent.Semaphore;
import org.springframework.stereotype.Component;

/**
 * At most {@code ptc.imports.max-concurrent} imports run at once (issue 12: three large files read
 * in parallel took the heap down). One more is not queued, where it would hold a request thread and
 * its file in memory, but answered 429 with Retry-After, so that the client tries again later.
 */
@Component
class ImportGate {

    /** A held import slot; closing it lets the next import in. */
    interface Slot extends AutoCloseable {
        @Override
        void close();
    }

    private final Semaphore slots;
    private final int size;
    private final int retryAfterSeconds;

    ImportGate(ImportSettings settings) {
        this.size = settings.maxConcurrent();
        this.retryAfterSeconds = settings.retryAfterSeconds();
        this.slots = new Semaphore(size);
    }

    Slot enter() {
        if (!slots.tryAcquire()) {
            throw new ImportBusyException(size, retryAfterSeconds);
        }
        return slots::release;
    }

    /** Imports running now. */
    int inUse() {
        return size - slots.availablePermits();
    }

    static class ImportBusyException extends RuntimeException {
        final int retryAfterSeconds;

        ImportBusyException(int size, int retryAfterSeconds) {
            super("已有 " + size + " 个导入正在进行，请 " + retryAfterSeconds + " 秒后重试 / " + size
                    + " imports are running; try again in " + retryAfterSeconds + " s");
            this.retryAfterSeconds = retryAfterSeconds;
        }
    }
}
