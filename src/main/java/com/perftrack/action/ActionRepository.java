package com.perftrack.action;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the tables {@code improvement_action}, {@code action_report} and {@code smart_review}. */
@Repository
class ActionRepository {

    private static final String LAST_REPORT = "(select max(r.due_date) from action_report r where r.action_id = a.id)";
    private static final String COLUMNS = "a.id, a.finding_id, a.company_code, a.period, a.item, a.responsible_department, "
            + "a.cross_department, a.owner_user_id, a.owner_group, a.author_user_id, a.responsible_person, a.deadline, "
            + "a.expected_result, a.measures, a.status, a.smart_rounds, a.opened_on, " + LAST_REPORT + ", "
            + "(select r.progress_pct from action_report r where r.action_id = a.id and r.due_date = " + LAST_REPORT + "), "
            + "a.outcome, a.outcome_note, a.outcome_period, a.owner_note, a.process_instance_id";
    private static final RowMapper<ActionView> ROW = (rs, n) -> new ActionView(rs.getLong(1), rs.getLong(2),
            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getBoolean(7), rs.getString(8),
            rs.getString(9), rs.getString(10), rs.getString(11), localDate(rs.getDate(12)), rs.getString(13),
            rs.getString(14), rs.getString(15), rs.getInt(16), localDate(rs.getDate(17)), localDate(rs.getDate(18)),
            rs.getBigDecimal(19), rs.getString(20), rs.getString(21), rs.getString(22), rs.getString(23),
            rs.getString(24));
    private static final RowMapper<TenDayReport> REPORT = (rs, n) -> new TenDayReport(rs.getLong(1),
            rs.getDate(2).toLocalDate(), rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getString(5), rs.getString(6),
            rs.getTimestamp(7).toInstant());

    private final JdbcClient jdbc;

    ActionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ActionView> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from improvement_action a where a.id = ?").param(id).query(ROW).optional();
    }

    Optional<Long> idOf(long findingId, String department) {
        return jdbc.sql("select id from improvement_action where finding_id = ? and responsible_department = ?")
                .params(findingId, department).query(Long.class).optional();
    }

    /** Inserts the action unless it exists; returns its id either way (a retried job finds its own row). */
    long insertIfAbsent(long findingId, String companyCode, String period, String department, boolean cross,
            ActionOwners owners, String item, String responsiblePerson, String processInstanceId, Instant now) {
        Optional<Long> existing = idOf(findingId, department);
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            jdbc.sql("insert into improvement_action (finding_id, company_code, period, responsible_department, "
                            + "cross_department, item, responsible_person, owner_user_id, owner_group, author_user_id, "
                            + "owner_note, status, smart_rounds, process_instance_id, created_at) "
                            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'DRAFT', 0, ?, ?)")
                    .params(findingId, companyCode, period, department, cross, item, responsiblePerson,
                            owners.ownerUserId(), owners.ownerGroup(), owners.authorUserId(), owners.note(),
                            processInstanceId, Timestamp.from(now))
                    .update();
        } catch (DuplicateKeyException e) {
            // started twice at the same moment: the other insert won, use its row
        }
        return idOf(findingId, department).orElseThrow();
    }

    void saveDraft(long id, ActionDraft draft, LocalDate deadline, int round) {
        jdbc.sql("update improvement_action set item = ?, deadline = ?, responsible_person = ?, expected_result = ?, "
                        + "measures = ?, smart_rounds = ? where id = ?")
                .params(draft.item(), deadline == null ? null : Date.valueOf(deadline), draft.responsiblePerson(),
                        draft.expectedResult(), draft.measures(), round, id)
                .update();
    }

    void recordReview(long actionId, int round, String kind, boolean passed, String checklist, String reasons,
            String reviewer, Instant at) {
        int updated = jdbc.sql("update smart_review set passed = ?, checklist = ?, reasons = ?, reviewer = ?, reviewed_at = ? "
                        + "where action_id = ? and round_no = ? and kind = ?")
                .params(passed, checklist, truncate(reasons), reviewer, Timestamp.from(at), actionId, round, kind)
                .update();
        if (updated == 0) {
            jdbc.sql("insert into smart_review (action_id, round_no, kind, passed, checklist, reasons, reviewer, reviewed_at) "
                            + "values (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(actionId, round, kind, passed, checklist, truncate(reasons), reviewer, Timestamp.from(at))
                    .update();
        }
    }

    void open(long id, LocalDate openedOn) {
        jdbc.sql("update improvement_action set status = 'OPEN', opened_on = ? where id = ? and status = 'DRAFT'")
                .params(Date.valueOf(openedOn), id).update();
    }

    void storeOutcome(long id, String outcome, String note, String period, String by, Instant at) {
        jdbc.sql("update improvement_action set status = 'DONE', outcome = ?, outcome_note = ?, outcome_period = ?, "
                        + "outcome_by = ?, outcome_at = ? where id = ? and outcome is null")
                .params(outcome, note, period, by, Timestamp.from(at), id).update();
    }

    void upsertReport(long actionId, LocalDate dueDate, BigDecimal progressPct, BigDecimal indicatorValue,
            String comment, String reportedBy, Instant at) {
        int updated = jdbc.sql("update action_report set progress_pct = ?, indicator_value = ?, comment = ?, "
                        + "reported_by = ?, reported_at = ? where action_id = ? and due_date = ?")
                .params(progressPct, indicatorValue, comment, reportedBy, Timestamp.from(at), actionId,
                        Date.valueOf(dueDate))
                .update();
        if (updated == 0) {
            jdbc.sql("insert into action_report (action_id, due_date, progress_pct, indicator_value, comment, "
                            + "reported_by, reported_at) values (?, ?, ?, ?, ?, ?, ?)")
                    .params(actionId, Date.valueOf(dueDate), progressPct, indicatorValue, comment, reportedBy,
                            Timestamp.from(at))
                    .update();
        }
    }

    List<TenDayReport> reports(long actionId) {
        return jdbc.sql("select action_id, due_date, progress_pct, indicator_value, comment, reported_by, reported_at "
                        + "from action_report where action_id = ? order by due_date")
                .param(actionId).query(REPORT).list();
    }

    List<ActionView> search(String status, String period, String department, String owner, String visibleTo) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from improvement_action a where 1 = 1");
        List<Object> params = new ArrayList<>();
        if ("open".equalsIgnoreCase(status)) {
            sql.append(" and a.status <> 'DONE'");
        } else if ("done".equalsIgnoreCase(status)) {
            sql.append(" and a.status = 'DONE'");
        }
        if (period != null && !period.isBlank()) {
            sql.append(" and a.period = ?");
            params.add(period);
        }
        if (department != null && !department.isBlank()) {
            sql.append(" and a.responsible_department = ?");
            params.add(department);
        }
        if (owner != null && !owner.isBlank()) {
            sql.append(" and a.owner_user_id = ?");
            params.add(owner);
        }
        if (visibleTo != null) {
            sql.append(" and (a.owner_user_id = ? or a.responsible_person = ? or a.author_user_id = ?)");
            params.add(visibleTo);
            params.add(visibleTo);
            params.add(visibleTo);
        }
        sql.append(" order by a.id");
        return jdbc.sql(sql.toString()).params(params).query(ROW).list();
    }

    /**
     * Actions of a company that the meeting after {@code windowStart..windowEnd} must discuss: not
     * finished (or finished inside the window) and either due by the window's end or reported in it.
     */
    List<ActionView> dueOrReported(String companyCode, LocalDate windowStart, LocalDate windowEnd) {
        return jdbc.sql("select " + COLUMNS + " from improvement_action a where a.company_code = ? "
                        + "and (a.status <> 'DONE' or (a.outcome_at >= ? and a.outcome_at < ?)) "
                        + "and (a.deadline <= ? or exists (select 1 from action_report r where r.action_id = a.id "
                        + "and r.due_date >= ? and r.due_date <= ?)) order by a.deadline, a.id")
                .params(companyCode, Timestamp.valueOf(windowStart.atStartOfDay()),
                        Timestamp.valueOf(windowEnd.plusDays(1).atStartOfDay()), Date.valueOf(windowEnd),
                        Date.valueOf(windowStart), Date.valueOf(windowEnd))
                .query(ROW).list();
    }

    private static LocalDate localDate(Date date) {
        return date == null ? null : date.toLocalDate();
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 4000 ? text : text.substring(0, 3999) + "…";
    }
}
