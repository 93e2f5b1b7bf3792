package com.perftrack.imports;

import com.perftrack.calendar.BusinessCalendar;
import java.sql.Timestamp;
import java.util.Collection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Table {@code import_log}: who imported which file when, and whether it was accepted. */
@Component
class ImportLog {

    private final JdbcClient jdbc;
    private final BusinessCalendar calendar;

    ImportLog(JdbcClient jdbc, BusinessCalendar calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
    }

    void record(String kind, String fileName, String user, boolean accepted, int rows, int errors,
            Collection<String> periods) {
        String periodList = String.join(",", periods);
        jdbc.sql("insert into import_log (kind, file_name, imported_by, imported_at, outcome, row_count, error_count, "
                        + "periods) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(kind, fileName, user, Timestamp.valueOf(calendar.nowZoned().toLocalDateTime()),
                        accepted ? "accepted" : "rejected", rows, errors,
                        periodList.length() > 2000 ? periodList.substring(0, 2000) : periodList)
                .update();
    }
}
