package com.perftrack.cycle;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * One row per company and period (table {@code tracking_cycle}). Its unique key is what makes
 * "one cycle per company and period" hold even for two starts at the same moment.
 */
@Repository
class CycleRegistry {

    record RegisteredCycle(String companyCode, String period, String processInstanceId) {}

    private final JdbcClient jdbc;

    CycleRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<RegisteredCycle> find(String companyCode, String period) {
        return jdbc.sql("select company_code, period, process_instance_id from tracking_cycle "
                        + "where company_code = ? and period = ?")
                .params(companyCode, period)
                .query((rs, n) -> new RegisteredCycle(rs.getString(1), rs.getString(2), rs.getString(3)))
                .optional();
    }

    /** @return false if the company already has a cycle for this period */
    boolean register(String companyCode, String period, String processInstanceId, Instant startedAt) {
        try {
            jdbc.sql("insert into tracking_cycle (company_code, period, process_instance_id, started_at) values (?, ?, ?, ?)")
                    .params(companyCode, period, processInstanceId, Timestamp.from(startedAt))
                    .update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** Hands the period to a new instance after the earlier one was cancelled. */
    void reassign(String companyCode, String period, String processInstanceId, Instant startedAt) {
        jdbc.sql("update tracking_cycle set process_instance_id = ?, started_at = ? where company_code = ? and period = ?")
                .params(processInstanceId, Timestamp.from(startedAt), companyCode, period)
                .update();
    }
}
