package com.perftrack.evaluation;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code evaluation_appeal}. */
@Repository
class AppealRepository {

    record Appeal(long id, String quarter, String personCode, String appellant, String reasons, String decision,
            String decisionReason, BigDecimal correctedScore, String correctedOutcome, String decidedBy) {}

    private final JdbcClient jdbc;

    AppealRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Idempotent per process instance: a retried start finds the appeal it created. */
    long open(String quarter, String personCode, String processInstanceId, String appellant, String reasons,
            String departmentHead, Instant now) {
        Optional<Long> existing = jdbc.sql("select id from evaluation_appeal where process_instance_id = ?")
                .param(processInstanceId).query(Long.class).optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        jdbc.sql("insert into evaluation_appeal (quarter, person_code, process_instance_id, appellant, reasons, "
                        + "opened_at, department_head) values (?, ?, ?, ?, ?, ?, ?)")
                .params(quarter, personCode, processInstanceId, appellant, reasons, Timestamp.from(now), departmentHead)
                .update();
        return jdbc.sql("select id from evaluation_appeal where process_instance_id = ?").param(processInstanceId)
                .query(Long.class).single();
    }

    void recordOpinion(long id, String userId, String opinion) {
        jdbc.sql("update evaluation_appeal set department_head = ?, department_head_opinion = ? where id = ?")
                .params(userId, opinion, id).update();
    }

    void decide(long id, String decision, String reason, BigDecimal correctedScore, String correctedOutcome,
            String userId, Instant now) {
        jdbc.sql("update evaluation_appeal set decision = ?, decision_reason = ?, corrected_score = ?, "
                        + "corrected_outcome = ?, decided_by = ?, decided_at = ? where id = ?")
                .params(decision, reason, correctedScore, correctedOutcome, userId, Timestamp.from(now), id).update();
    }

    Appeal find(long id) {
        return jdbc.sql("select id, quarter, person_code, appellant, reasons, decision, decision_reason, corrected_score, "
                        + "corrected_outcome, decided_by from evaluation_appeal where id = ?")
                .param(id).query((rs, n) -> new Appeal(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getBigDecimal(8), rs.getString(9),
                        rs.getString(10)))
                .single();
    }
}
