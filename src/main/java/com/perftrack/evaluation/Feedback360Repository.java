package com.perftrack.evaluation;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tables {@code feedback_round}, {@code feedback_rating} and {@code feedback_result}. */
@Repository
class Feedback360Repository {

    record Round(long id, String companyCode, String quarter, String state, LocalDate deadline) {
        boolean open() {
            return "open".equals(state);
        }
    }

    record Rating(long id, long roundId, String personCode, String raterUserId, String raterType, Integer duty,
            Integer goals, Integer teamwork, Integer contribution, String comment) {
        boolean answered() {
            return duty != null;
        }

        FeedbackMeans.Answer answer() {
            return new FeedbackMeans.Answer(raterType, duty, goals, teamwork, contribution);
        }
    }

    private static final String ROUND_COLUMNS = "id, company_code, quarter, state, deadline";
    private static final RowMapper<Round> ROUND = (rs, n) -> new Round(rs.getLong(1), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getDate(5).toLocalDate());
    private static final String RATING_COLUMNS = "id, round_id, person_code, rater_user_id, rater_type, score_duty, "
            + "score_goals, score_teamwork, score_contribution, comment";
    private static final RowMapper<Rating> RATING = (rs, n) -> new Rating(rs.getLong(1), rs.getLong(2), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getObject(6, Integer.class), rs.getObject(7, Integer.class),
            rs.getObject(8, Integer.class), rs.getObject(9, Integer.class), rs.getString(10));

    private final JdbcClient jdbc;

    Feedback360Repository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Round> round(String companyCode, String quarter) {
        return jdbc.sql("select " + ROUND_COLUMNS + " from feedback_round where company_code = ? and quarter = ?")
                .params(companyCode, quarter).query(ROUND).optional();
    }

    Optional<Round> round(long id) {
        return jdbc.sql("select " + ROUND_COLUMNS + " from feedback_round where id = ?").param(id).query(ROUND).optional();
    }

    List<Round> closedRounds(String quarter) {
        return jdbc.sql("select " + ROUND_COLUMNS + " from feedback_round where quarter = ? and state = 'closed' "
                + "order by company_code").param(quarter).query(ROUND).list();
    }

    long insertRound(String companyCode, String quarter, LocalDate deadline, String openedBy, Instant now) {
        jdbc.sql("insert into feedback_round (company_code, quarter, state, deadline, opened_by, opened_at) "
                        + "values (?, ?, 'open', ?, ?, ?)")
                .params(companyCode, quarter, java.sql.Date.valueOf(deadline), openedBy, Timestamp.from(now)).update();
        return round(companyCode, quarter).orElseThrow().id();
    }

    String processInstanceId(long roundId) {
        return jdbc.sql("select process_instance_id from feedback_round where id = ?").param(roundId)
                .query(String.class).optional().orElse(null);
    }

    /** A round abandoned before it closed, with its (unanswered or partly answered) ratings. */
    void deleteRound(long roundId) {
        jdbc.sql("delete from feedback_rating where round_id = ?").param(roundId).update();
        jdbc.sql("delete from feedback_round where id = ?").param(roundId).update();
    }

    void assign(long roundId, String processInstanceId) {
        jdbc.sql("update feedback_round set process_instance_id = ? where id = ?").params(processInstanceId, roundId)
                .update();
    }

    /** Idempotent: a retried opening finds the rows of its first try. */
    void addRating(long roundId, String personCode, String raterUserId, String raterType) {
        int exists = jdbc.sql("select count(*) from feedback_rating where round_id = ? and person_code = ? "
                + "and rater_user_id = ?").params(roundId, personCode, raterUserId).query(Integer.class).single();
        if (exists == 0) {
            jdbc.sql("insert into feedback_rating (round_id, person_code, rater_user_id, rater_type) values (?, ?, ?, ?)")
                    .params(roundId, personCode, raterUserId, raterType).update();
        }
    }

    List<Rating> ratings(long roundId) {
        return jdbc.sql("select " + RATING_COLUMNS + " from feedback_rating where round_id = ? order by person_code, id")
                .param(roundId).query(RATING).list();
    }

    Optional<Rating> rating(long id) {
        return jdbc.sql("select " + RATING_COLUMNS + " from feedback_rating where id = ?").param(id).query(RATING)
                .optional();
    }

    void rate(long id, int duty, int goals, int teamwork, int contribution, String comment, Instant now) {
        jdbc.sql("update feedback_rating set score_duty = ?, score_goals = ?, score_teamwork = ?, score_contribution = ?, "
                        + "comment = ?, rated_at = ? where id = ?")
                .params(duty, goals, teamwork, contribution, comment, Timestamp.from(now), id).update();
    }

    void saveResult(long roundId, String personCode, BigDecimal mean, int raters) {
        jdbc.sql("delete from feedback_result where round_id = ? and person_code = ?").params(roundId, personCode).update();
        jdbc.sql("insert into feedback_result (round_id, person_code, mean, raters) values (?, ?, ?, ?)")
                .params(roundId, personCode, mean, raters).update();
    }

    void close(long roundId, Instant now) {
        jdbc.sql("update feedback_round set state = 'closed', closed_at = ? where id = ? and state = 'open'")
                .params(Timestamp.from(now), roundId).update();
    }
}
