package com.perftrack.evaluation;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tables {@code improvement_plan} and {@code improvement_plan_entry}. */
@Repository
class ImprovementPlanRepository {

    private static final String COLUMNS = "id, person_code, company_code, quarter, state, manager_user_id, goals_comment, "
            + "target_indicator, target_value, support_comment, start_date, end_date, result_comment, closed_by, closed_at";

    private final JdbcClient jdbc;

    ImprovementPlanRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Long> idOf(String personCode, String quarter) {
        return jdbc.sql("select id from improvement_plan where person_code = ? and quarter = ?")
                .params(personCode, quarter).query(Long.class).optional();
    }

    long insert(String personCode, String companyCode, String quarter, LocalDate startDate, Instant now) {
        jdbc.sql("insert into improvement_plan (person_code, company_code, quarter, state, start_date, created_at) "
                        + "values (?, ?, ?, 'agreeing', ?, ?)")
                .params(personCode, companyCode, quarter, Date.valueOf(startDate), Timestamp.from(now)).update();
        return idOf(personCode, quarter).orElseThrow();
    }

    void assign(long id, String processInstanceId) {
        jdbc.sql("update improvement_plan set process_instance_id = ? where id = ?").params(processInstanceId, id).update();
    }

    void participants(long id, String managerUserId, String personUserId) {
        jdbc.sql("update improvement_plan set manager_user_id = ?, person_user_id = ? where id = ?")
                .params(managerUserId, personUserId, id).update();
    }

    void agree(long id, String goals, String indicator, BigDecimal target, String support, LocalDate endDate,
            String userId) {
        jdbc.sql("update improvement_plan set state = 'running', goals_comment = ?, target_indicator = ?, target_value = ?, "
                        + "support_comment = ?, end_date = ?, agreed_by = ? where id = ?")
                .params(goals, indicator, target, support, Date.valueOf(endDate), userId, id).update();
    }

    /** Stores the entry once per plan, kind and date; a retried completion changes nothing. */
    void addEntry(long planId, String kind, LocalDate dueDate, BigDecimal value, String verdict, String comment,
            String userId, Instant now) {
        int exists = jdbc.sql("select count(*) from improvement_plan_entry where plan_id = ? and kind = ? and due_date = ?")
                .params(planId, kind, Date.valueOf(dueDate)).query(Integer.class).single();
        if (exists == 0) {
            jdbc.sql("insert into improvement_plan_entry (plan_id, kind, due_date, indicator_value, verdict, comment, recorded_by, "
                            + "recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(planId, kind, Date.valueOf(dueDate), value, verdict, comment, userId, Timestamp.from(now))
                    .update();
        }
    }

    void close(long id, String state, String comment, String userId, Instant now) {
        jdbc.sql("update improvement_plan set state = ?, result_comment = ?, closed_by = ?, closed_at = ? where id = ?")
                .params(state, comment, userId, Timestamp.from(now), id).update();
    }

    Optional<ImprovementPlan> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from improvement_plan where id = ?").param(id)
                .query((rs, n) -> plan(rs)).optional().map(p -> p.withEntries(entries(p.id())));
    }

    /** The person's plans, newest first, with their entries. */
    List<ImprovementPlan> ofPerson(String personCode) {
        return jdbc.sql("select " + COLUMNS + " from improvement_plan where person_code = ? order by start_date desc, id desc")
                .param(personCode).query((rs, n) -> plan(rs)).list().stream()
                .map(p -> p.withEntries(entries(p.id()))).toList();
    }

    Optional<String> personUserId(long id) {
        return jdbc.sql("select person_user_id from improvement_plan where id = ?").param(id).query(String.class)
                .optional();
    }

    boolean hasFailed(String personCode) {
        return jdbc.sql("select count(*) from improvement_plan where person_code = ? and state = 'failed'")
                .param(personCode).query(Integer.class).single() > 0;
    }

    private List<ImprovementPlan.Entry> entries(long planId) {
        return jdbc.sql("select kind, due_date, indicator_value, verdict, comment, recorded_by, recorded_at "
                        + "from improvement_plan_entry where plan_id = ? order by due_date, case kind when 'check_in' then 0 else 1 end")
                .param(planId).query((rs, n) -> new ImprovementPlan.Entry(rs.getString(1), rs.getDate(2).toLocalDate(),
                        rs.getBigDecimal(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getTimestamp(7).toInstant())).list();
    }

    private static ImprovementPlan plan(ResultSet rs) throws SQLException {
        Date end = rs.getDate(12);
        Timestamp closed = rs.getTimestamp(15);
        return new ImprovementPlan(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getBigDecimal(9), rs.getString(10),
                rs.getDate(11).toLocalDate(), end == null ? null : end.toLocalDate(), rs.getString(13), rs.getString(14),
                closed == null ? null : closed.toInstant(), List.of());
    }
}
