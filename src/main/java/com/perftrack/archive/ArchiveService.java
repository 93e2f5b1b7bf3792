package com.perftrack.archive;

import com.perftrack.calendar.BusinessCalendar;
import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Appends to and reads the tracking archive. There is deliberately no update and no delete. */
@Service
public class ArchiveService {

    private static final String COLUMNS = "id, entry_key, person_code, cycle, entry_type, summary, details, "
            + "reference_type, reference_id, corrects_id, recorded_by, recorded_at";
    private static final RowMapper<ArchiveEntry> ROW = (rs, n) -> new ArchiveEntry(rs.getLong(1), rs.getString(2),
            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
            rs.getString(9), (Long) rs.getObject(10, Long.class), rs.getString(11), rs.getTimestamp(12).toInstant());

    private final JdbcClient jdbc;
    private final BusinessCalendar calendar;

    public ArchiveService(JdbcClient jdbc, BusinessCalendar calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
    }

    /** Appends the entry unless one with the same key exists; returns the stored entry either way. */
    @Transactional
    public ArchiveEntry append(ArchiveEntry entry) {
        var existing = byKey(entry.entryKey());
        if (existing != null) {
            return existing;
        }
        jdbc.sql("insert into archive_entry (entry_key, person_code, cycle, entry_type, summary, details, "
                        + "reference_type, reference_id, corrects_id, recorded_by, recorded_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(entry.entryKey(), entry.personCode(), entry.cycle(), entry.entryType(),
                        truncate(entry.summary(), 1000), entry.details(), entry.referenceType(), entry.referenceId(),
                        entry.correctsId(), entry.recordedBy(), Timestamp.from(calendar.now()))
                .update();
        return byKey(entry.entryKey());
    }

    /** A correction is a new entry pointing at the one it corrects; the original stays as it was. */
    @Transactional
    public ArchiveEntry correct(long correctedId, ArchiveEntry correction) {
        return append(new ArchiveEntry(null, correction.entryKey(), correction.personCode(), correction.cycle(),
                correction.entryType(), correction.summary(), correction.details(), correction.referenceType(),
                correction.referenceId(), correctedId, correction.recordedBy(), null));
    }

    public List<ArchiveEntry> entriesOf(String personCode) {
        return jdbc.sql("select " + COLUMNS + " from archive_entry where person_code = ? order by recorded_at, id")
                .param(personCode).query(ROW).list();
    }

    private ArchiveEntry byKey(String key) {
        return jdbc.sql("select " + COLUMNS + " from archive_entry where entry_key = ?").param(key).query(ROW)
                .optional().orElse(null);
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
