package com.perftrack.imports;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * At most {@code ptc.imports.max-concurrent} imports run at once (issue 12: three large files read
 * in parallel took the heap down). A few more ({@code max-waiting}) wait up to {@code queue-seconds}
 * for a slot, so that a busy minute of ordinary imports all succeed; beyond that an import is not
 * queued, where it would hold a request thread and its file, but answered 429 with Retry-After.
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
    private final int maxWaiting;
    private final long queueMillis;
    private final AtomicInteger waiting = new AtomicInteger();

    ImportGate(ImportSettings settings) {
        this.size = settings.maxConcurrent();
        this.retryAfterSeconds = settings.retryAfterSeconds();
        this.maxWaiting = settings.maxWaiting();
        this.queueMillis = Math.round(settings.queueSeconds() * 1000);
        this.slots = new Semaphore(size, true);
    }

    Slot enter() {
        if (slots.tryAcquire()) {
            return slots::release;
        }
        if (waiting.incrementAndGet() > maxWaiting) {
            waiting.decrementAndGet();
            throw new ImportBusyException(size, retryAfterSeconds);
        }
        try {
            if (!slots.tryAcquire(queueMillis, TimeUnit.MILLISECONDS)) {
                throw new ImportBusyException(size, retryAfterSeconds);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImportBusyException(size, retryAfterSeconds);
        } finally {
            waiting.decrementAndGet();
        }
        return slots::release;
    }

    /** Imports waiting for a slot now. */
    int waiting() {
        return waiting.get();
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
