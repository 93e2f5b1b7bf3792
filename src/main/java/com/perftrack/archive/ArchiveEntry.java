package com.perftrack.archive;

import java.time.Instant;

/**
 * One archive entry. {@code entryKey} identifies what the entry records (e.g.
 * {@code ACTION_OUTCOME:42:P007}); appending the same key twice stores it once.
 */
public record ArchiveEntry(Long id, String entryKey, String personCode, String cycle, String entryType,
        String summary, String details, String referenceType, String referenceId, Long correctsId,
        String recordedBy, Instant recordedAt) {

    public static ArchiveEntry of(String entryKey, String personCode, String cycle, String entryType, String summary,
            String details, String referenceType, String referenceId, String recordedBy) {
        return new ArchiveEntry(null, entryKey, personCode, cycle, entryType, summary, details, referenceType,
                referenceId, null, recordedBy, null);
    }
}
