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

/** Table {@code coaching_talk}. */
@Repository
class CoachingRepository {

    private static final String COLUMNS = "id, person_code, company_code, period, score, manager_user_id, "
            + "process_instance_id, state, strengths, gaps, support, next_check_date, recorded_by, recorded_at";

    private final JdbcClient jdbc;

    CoachingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<CoachingTalk> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from coaching_talk where id = ?").param(id).query(this::row).optional();
    }

    Optional<CoachingTalk> find(String personCode, String period) {
        return jdbc.sql("select " + COLUMNS + " from coaching_talk where person_code = ? and period = ?")
                .params(personCode, period).query(this::row).optional();
    }

    List<CoachingTalk> ofPeriod(String companyCode, String period) {
        return jdbc.sql("select " + COLUMNS + " from coaching_talk where company_code = ? and period = ? order by person_code")
                .params(companyCode, period).query(this::row).list();
    }

    List<CoachingTalk> ofPerson(String personCode) {
        return jdbc.sql("select " + COLUMNS + " from coaching_talk where person_code = ? order by period desc")
                .param(personCode).query(this::row).list();
    }

    long insert(String personCode, String companyCode, String period, BigDecimal score, String managerUserId,
            Instant now) {
        jdbc.sql("insert into coaching_talk (person_code, company_code, period, score, manager_user_id, state, created_at) "
                        + "values (?, ?, ?, ?, ?, 'open', ?)")
                .params(personCode, companyCode, period, score, managerUserId, Timestamp.from(now)).update();
        return find(personCode, period).orElseThrow().id();
    }

    void assign(long id, String processInstanceId) {
        jdbc.sql("update coaching_talk set process_instance_id = ? where id = ?").params(processInstanceId, id).update();
    }

    void record(long id, String strengths, String gaps, String support, LocalDate nextCheck, String userId, Instant now) {
        jdbc.sql("update coaching_talk set state = 'recorded', strengths = ?, gaps = ?, support = ?, next_check_date = ?, "
                        + "recorded_by = ?, recorded_at = ? where id = ?")
                .params(strengths, gaps, support, Date.valueOf(nextCheck), userId, Timestamp.from(now), id).update();
    }

    private CoachingTalk row(ResultSet rs, int n) throws SQLException {
        Date next = rs.getDate(12);
        Timestamp at = rs.getTimestamp(14);
        return new CoachingTalk(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBigDecimal(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
                next == null ? null : next.toLocalDate(), rs.getString(13), at == null ? null : at.toInstant());
    }
}
