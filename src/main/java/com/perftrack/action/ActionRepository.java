package com.perftrack.action;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import com.perftrack.calendar.BusinessCalendar;
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
            + "a.outcome, a.outcome_note, a.outcome_period, a.owner_note, a.process_instance_id, "
            + "a.round_no, a.reissued_from, a.outcome_decision, a.close_reason, a.chair_instruction";
    /** Overdue: open and its deadline lies before today (engine clock). */
    private final RowMapper<ActionView> row = (rs, n) -> {
        LocalDate deadline = localDate(rs.getDate(12));
        String status = rs.getString(15);
        String outcome = rs.getString(20);
        String decision = rs.getString(27);
        boolean overdue = ActionView.OPEN.equals(status) && deadline != null && deadline.isBefore(today());
        long reissuedFrom = rs.getLong(26);
        return new ActionView(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getBoolean(7), rs.getString(8), rs.getString(9), rs.getString(10),
                rs.getString(11), deadline, rs.getString(13), rs.getString(14), status, rs.getInt(16),
                localDate(rs.getDate(17)), localDate(rs.getDate(18)), rs.getBigDecimal(19), outcome, rs.getString(21),
                rs.getString(22), rs.getString(23), rs.getString(24), rs.getInt(25),
                reissuedFrom == 0 ? null : reissuedFrom, decision, rs.getString(28),
                rs.getString(29), overdue, ActionView.stateOf(status, outcome, decision, overdue));
    };
    private static final RowMapper<TenDayReport> REPORT = (rs, n) -> new TenDayReport(rs.getLong(1),
            rs.getDate(2).toLocalDate(), rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getString(5), rs.getString(6),
            rs.getTimestamp(7).toInstant());

    private final JdbcClient jdbc;
    private final BusinessCalendar calendar;

    ActionRepository(JdbcClient jdbc, BusinessCalendar calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
    }

    private LocalDate today() {
        return calendar.today();
    }

    /**
     * An action's first review is its lowest round with a REVIEW row (the standing office's; pre-checks
     * do not count); the period is the one that raised the action, or for a result the meeting's that recorded it.
     */
    ActionHealthCounts healthCounts(String companyCode, String period) {
        int[] reviews = jdbc.sql("select count(*), count(case when r.passed then 1 end) from smart_review r "
                        + "join improvement_action a on a.id = r.action_id "
                        + "where a.company_code = :company and a.period = :period and r.kind = 'REVIEW' "
                        + "and r.round_no = (select min(f.round_no) from smart_review f "
                        + "where f.action_id = r.action_id and f.kind = 'REVIEW')")
                .param("company", companyCode).param("period", period)
                .query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2)}).single();
        int[] results = jdbc.sql("select count(*), count(case when outcome = 'IMPROVED' then 1 end) "
                        + "from improvement_action where company_code = :company and outcome_period = :period "
                        + "and outcome is not null")
                .param("company", companyCode).param("period", period)
                .query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2)}).single();
        return new ActionHealthCounts(reviews[0], reviews[1], results[0], results[1]);
    }

    Optional<ActionView> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from improvement_action a where a.id = ?").param(id).query(row).optional();
    }

    Optional<Long> idOf(long findingId, String department, int round) {
        return jdbc.sql("select id from improvement_action where finding_id = ? and responsible_department = ? "
                        + "and round_no = ?")
                .params(findingId, department, round).query(Long.class).optional();
    }

    /** Inserts the action unless it exists; returns its id either way (a retried job finds its own row). */
    long insertIfAbsent(long findingId, String companyCode, String period, String department, boolean cross,
            ActionOwners owners, String item, String responsiblePerson, String processInstanceId, Instant now) {
        return insertIfAbsent(findingId, companyCode, period, department, cross, owners, item, responsiblePerson,
                processInstanceId, now, null);
    }

    /**
     * As above; {@code follows} is the action a "not improved" result reissued: the new row is its
     * next round and starts from its item, expected result and measures.
     */
    long insertIfAbsent(long findingId, String companyCode, String period, String department, boolean cross,
            ActionOwners owners, String item, String responsiblePerson, String processInstanceId, Instant now,
            ActionView follows) {
        int round = follows == null ? 1 : follows.round() + 1;
        Optional<Long> existing = idOf(findingId, department, round);
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            jdbc.sql("insert into improvement_action (finding_id, company_code, period, responsible_department, "
                            + "cross_department, item, responsible_person, owner_user_id, owner_group, author_user_id, "
                            + "owner_note, status, smart_rounds, process_instance_id, created_at, round_no, reissued_from, "
                            + "expected_result, measures) "
                            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'DRAFT', 0, ?, ?, ?, ?, ?, ?)")
                    .params(findingId, companyCode, period, department, cross, item, responsiblePerson,
                            owners.ownerUserId(), owners.ownerGroup(), owners.authorUserId(), owners.note(),
                            processInstanceId, Timestamp.from(now), round,
                            follows == null ? null : follows.actionId(),
                            follows == null ? null : follows.expectedResult(),
                            follows == null ? null : follows.measures())
                    .update();
        } catch (DuplicateKeyException e) {
            // started twice at the same moment: the other insert won, use its row
        }
        return idOf(findingId, department, round).orElseThrow();
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
        storeOutcome(id, outcome, note, period, by, at, null, null);
    }

    /** The meeting's verdict, once; {@code decision} and {@code closeReason} only for "not improved". */
    void storeOutcome(long id, String outcome, String note, String period, String by, Instant at, String decision,
            String closeReason) {
        jdbc.sql("update improvement_action set status = 'DONE', outcome = ?, outcome_note = ?, outcome_period = ?, "
                        + "outcome_by = ?, outcome_at = ?, outcome_decision = ?, close_reason = ? "
                        + "where id = ? and outcome is null")
                .params(outcome, note, period, by, Timestamp.from(at), decision, closeReason, id).update();
    }

    /** The action that {@code id} reissued (the next round), if any. */
    Optional<ActionView> followUpOf(long id) {
        return jdbc.sql("select " + COLUMNS + " from improvement_action a where a.reissued_from = ?").param(id)
                .query(row).optional();
    }

    /** "Not improved" results in a row, from this action back along the rounds it was reissued from. */
    int notImprovedInARow(long id) {
        int count = 0;
        Optional<ActionView> current = find(id);
        while (current.isPresent() && ActionService.NOT_IMPROVED.equals(current.get().outcome())) {
            count++;
            Long previous = current.get().reissuedFrom();
            current = previous == null ? Optional.empty() : find(previous);
        }
        return count;
    }

    void storeChairInstruction(long id, String instruction, String by, Instant at) {
        jdbc.sql("update improvement_action set chair_instruction = ?, chair_by = ?, chair_at = ? where id = ?")
                .params(instruction, by, Timestamp.from(at), id).update();
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
        } else if ("overdue".equalsIgnoreCase(status)) {
            sql.append(" and a.status = 'OPEN' and a.deadline < ?");
            params.add(Date.valueOf(today()));
        } else if ("improved".equalsIgnoreCase(status)) {
            sql.append(" and a.status = 'DONE' and a.outcome = 'IMPROVED'");
        } else if ("reissued".equalsIgnoreCase(status)) {
            sql.append(" and a.status = 'DONE' and a.outcome = 'NOT_IMPROVED' and a.outcome_decision = 'REISSUE'");
        } else if ("closed".equalsIgnoreCase(status)) {
            sql.append(" and a.status = 'DONE' and a.outcome = 'NOT_IMPROVED' "
                    + "and (a.outcome_decision is null or a.outcome_decision = 'CLOSE')");
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
        return jdbc.sql(sql.toString()).params(params).query(row).list();
    }

    /**
     * Actions of a company that the meeting after {@code windowStart..windowEnd} must hear: every
     * open action whatever its deadline (overdue ones too: a problem is never dropped from the
     * agenda), every reissued one even while its next round is being rewritten, and every action
     * finished inside the window except one reissued (its next round stands for it). A first-round
     * action still in its SMART rounds has no commitment to hear yet.
     */
    List<ActionView> openOrFinishedIn(String companyCode, LocalDate windowStart, LocalDate windowEnd) {
        return jdbc.sql("select " + COLUMNS + " from improvement_action a where a.company_code = ? "
                        + "and (a.status = 'OPEN' or (a.status = 'DRAFT' and a.reissued_from is not null) "
                        + "or (a.status = 'DONE' and a.outcome_at >= ? and a.outcome_at < ? "
                        + "and (a.outcome_decision is null or a.outcome_decision <> 'REISSUE'))) "
                        + "order by a.deadline, a.id")
                .params(companyCode, Timestamp.valueOf(windowStart.atStartOfDay()),
                        Timestamp.valueOf(windowEnd.plusDays(1).atStartOfDay()))
                .query(row).list();
    }

    private static LocalDate localDate(Date date) {
        return date == null ? null : date.toLocalDate();
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 4000 ? text : text.substring(0, 3999) + "…";
    }
}
