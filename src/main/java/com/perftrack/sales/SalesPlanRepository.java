package com.perftrack.sales;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tables {@code sales_week}, {@code sales_plan}, {@code sales_plan_target}, {@code sales_plan_visit}. */
@Repository
class SalesPlanRepository {

    record Meeting(String decisions, String recordedBy, Instant recordedAt) {}

    private static final String COLUMNS = "id, company_code, week, person_code, user_id, state, plan_comment, filed_by, filed_at";
    private static final RowMapper<SalesPlan> ROW = (rs, n) -> new SalesPlan(rs.getLong(1), rs.getString(2),
            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
            rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant());

    private final JdbcClient jdbc;

    SalesPlanRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false when the company already has this week (its unique key decides, even for two starts at once) */
    boolean registerWeek(String companyCode, String week, String processInstanceId, Instant at) {
        try {
            jdbc.sql("insert into sales_week (company_code, week, process_instance_id, started_at) values (?, ?, ?, ?)")
                    .params(companyCode, week, processInstanceId, Timestamp.from(at)).update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** The instance the company's week is registered to (null when its instance id is not known). */
    Optional<String> weekInstance(String companyCode, String week) {
        return jdbc.sql("select coalesce(process_instance_id, '') from sales_week where company_code = ? and week = ?")
                .params(companyCode, week).query(String.class).optional();
    }

    /** Hands the week to a new instance after the registered one was cancelled; the week's plans stay. */
    boolean reassignWeek(String companyCode, String week, String earlier, String processInstanceId, Instant at) {
        return jdbc.sql("update sales_week set process_instance_id = ?, started_at = ? where company_code = ? and week = ? "
                        + "and coalesce(process_instance_id, '') = ?")
                .params(processInstanceId, Timestamp.from(at), companyCode, week, earlier).update() == 1;
    }

    boolean weekExists(String companyCode, String week) {
        return jdbc.sql("select count(*) from sales_week where company_code = ? and week = ?")
                .params(companyCode, week).query(Long.class).single() > 0;
    }

    Optional<Meeting> meeting(String companyCode, String week) {
        return jdbc.sql("select meeting_decisions, meeting_recorded_by, meeting_recorded_at from sales_week "
                        + "where company_code = ? and week = ? and meeting_recorded_at is not null")
                .params(companyCode, week)
                .query((rs, n) -> new Meeting(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .optional();
    }

    void recordMeeting(String companyCode, String week, String decisions, String userId, Instant at) {
        jdbc.sql("update sales_week set meeting_decisions = ?, meeting_recorded_by = ?, meeting_recorded_at = ? "
                        + "where company_code = ? and week = ?")
                .params(decisions, userId, Timestamp.from(at), companyCode, week).update();
    }

    /** The person's plan of the week: the existing one, else a new open one (idempotent). */
    long planFor(String companyCode, String week, String personCode, String userId) {
        return find(companyCode, week, personCode).map(SalesPlan::id).orElseGet(() -> {
            jdbc.sql("insert into sales_plan (company_code, week, person_code, user_id, state) values (?, ?, ?, ?, 'open')")
                    .params(companyCode, week, personCode, userId).update();
            return find(companyCode, week, personCode).orElseThrow().id();
        });
    }

    Optional<SalesPlan> find(String companyCode, String week, String personCode) {
        return jdbc.sql("select " + COLUMNS + " from sales_plan where company_code = ? and week = ? and person_code = ?")
                .params(companyCode, week, personCode).query(ROW).optional();
    }

    Optional<SalesPlan> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from sales_plan where id = ?").param(id).query(ROW).optional();
    }

    List<SalesPlan> ofWeek(String companyCode, String week) {
        return jdbc.sql("select " + COLUMNS + " from sales_plan where company_code = ? and week = ? order by person_code")
                .params(companyCode, week).query(ROW).list();
    }

    void file(long planId, Map<String, BigDecimal> targets, List<VisitLines.Visit> visits, String comment, String userId,
            Instant at) {
        jdbc.sql("delete from sales_plan_target where plan_id = ?").param(planId).update();
        jdbc.sql("delete from sales_plan_visit where plan_id = ?").param(planId).update();
        targets.forEach((kpi, target) -> jdbc.sql("insert into sales_plan_target (plan_id, kpi_code, target) values (?, ?, ?)")
                .params(planId, kpi, target).update());
        for (int i = 0; i < visits.size(); i++) {
            VisitLines.Visit v = visits.get(i);
            jdbc.sql("insert into sales_plan_visit (plan_id, line_no, visit_date, customer, purpose) values (?, ?, ?, ?, ?)")
                    .params(planId, i + 1, v.date(), v.customer(), v.purpose()).update();
        }
        jdbc.sql("update sales_plan set state = 'filed', plan_comment = ?, filed_by = ?, filed_at = ? where id = ?")
                .params(comment, userId, Timestamp.from(at), planId).update();
    }

    Map<String, BigDecimal> targets(long planId) {
        Map<String, BigDecimal> targets = new LinkedHashMap<>();
        jdbc.sql("select kpi_code, target from sales_plan_target where plan_id = ? order by kpi_code").param(planId)
                .query((rs, n) -> targets.put(rs.getString(1), rs.getBigDecimal(2))).list();
        return targets;
    }

    List<VisitLines.Visit> visits(long planId) {
        return jdbc.sql("select visit_date, customer, purpose from sales_plan_visit where plan_id = ? order by line_no")
                .param(planId)
                .query((rs, n) -> new VisitLines.Visit(rs.getDate(1).toLocalDate(), rs.getString(2), rs.getString(3)))
                .list();
    }
}
