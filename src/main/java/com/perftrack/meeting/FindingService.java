package com.perftrack.meeting;

import com.perftrack.calendar.BusinessCalendar;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;

/** Stores and reads findings (table {@code finding}). */
@Service
public class FindingService {

    private static final String COLUMNS = "id, company_code, period, reporting_department, kpi_code, title, deviation, "
            + "cause, cause_type, impact, proposal, related_departments, responsible_departments, solution, "
            + "responsible_user_id, created_by, created_at, meeting_number";
    private static final RowMapper<Finding> ROW = (rs, n) -> new Finding(rs.getLong(1), rs.getString(2),
            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
            rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14),
            rs.getString(15), rs.getString(16), rs.getTimestamp(17).toInstant(), rs.getInt(18));

    private final JdbcClient jdbc;
    private final BusinessCalendar calendar;

    public FindingService(JdbcClient jdbc, BusinessCalendar calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
    }

    public Optional<Finding> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from finding where id = ?").param(id).query(ROW).optional();
    }

    public List<Finding> findings(String companyCode, String period) {
        return jdbc.sql("select " + COLUMNS + " from finding where company_code = ? and period = ? order by meeting_number")
                .params(companyCode, period).query(ROW).list();
    }

    /**
     * Saves the finding with the next number of its meeting. The number is read and written in one
     * statement of the caller's transaction: if the save (or anything after it in the same task
     * completion) fails, the number is not used up, so the meeting's findings stay #1, #2, #3 …
     */
    public long create(Finding f) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into finding (company_code, period, reporting_department, kpi_code, title, deviation, cause, "
                        + "cause_type, impact, proposal, related_departments, responsible_departments, solution, "
                        + "responsible_user_id, created_by, created_at, meeting_number) "
                        + "select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, coalesce(max(meeting_number), 0) + 1 "
                        + "from finding where company_code = ? and period = ?")
                .params(f.companyCode(), f.period(), f.reportingDepartment(), f.kpiCode(), f.title(), f.deviation(),
                        f.cause(), f.causeType(), f.impact(), f.proposal(), f.relatedDepartments(),
                        f.responsibleDepartments(), f.solution(), f.responsibleUserId(), f.createdBy(),
                        Timestamp.from(calendar.now()), f.companyCode(), f.period())
                .update(keys, "id");
        return keys.getKey().longValue();
    }
}
