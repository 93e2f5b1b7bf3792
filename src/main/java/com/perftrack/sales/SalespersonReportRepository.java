package com.perftrack.sales;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code salesperson_report}. */
@Repository
class SalespersonReportRepository {

    private static final String COLUMNS = "id, company_code, period, person_code, user_id, state, sales_amount, analysis, "
            + "activities, market_feedback, customer_quotes, filed_by, filed_at";
    private static final RowMapper<SalespersonReport> ROW = (rs, n) -> new SalespersonReport(rs.getLong(1),
            rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getBigDecimal(7),
            rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12),
            rs.getTimestamp(13) == null ? null : rs.getTimestamp(13).toInstant());

    private final JdbcClient jdbc;

    SalespersonReportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<SalespersonReport> find(String personCode, String period) {
        return jdbc.sql("select " + COLUMNS + " from salesperson_report where person_code = ? and period = ?")
                .params(personCode, period).query(ROW).optional();
    }

    Optional<SalespersonReport> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from salesperson_report where id = ?").param(id).query(ROW).optional();
    }

    long insert(String companyCode, String period, String personCode, String userId, Instant at) {
        jdbc.sql("insert into salesperson_report (company_code, period, person_code, user_id, state, created_at) "
                        + "values (?, ?, ?, ?, 'open', ?)")
                .params(companyCode, period, personCode, userId, Timestamp.from(at)).update();
        return find(personCode, period).orElseThrow().id();
    }

    void assign(long id, String processInstanceId) {
        jdbc.sql("update salesperson_report set process_instance_id = ? where id = ?").params(processInstanceId, id).update();
    }

    void file(long id, BigDecimal salesAmount, String analysis, String activities, String marketFeedback,
            String customerQuotes, String userId, Instant at) {
        jdbc.sql("update salesperson_report set state = 'filed', sales_amount = ?, analysis = ?, activities = ?, "
                        + "market_feedback = ?, customer_quotes = ?, filed_by = ?, filed_at = ? where id = ?")
                .params(salesAmount, analysis, activities, marketFeedback, customerQuotes, userId, Timestamp.from(at), id)
                .update();
    }

    List<SalespersonReport> ofPeriod(String companyCode, String period) {
        return jdbc.sql("select " + COLUMNS + " from salesperson_report where company_code = ? and period = ? "
                        + "order by person_code")
                .params(companyCode, period).query(ROW).list();
    }

    List<SalespersonReport> ofPeriod(String period) {
        return jdbc.sql("select " + COLUMNS + " from salesperson_report where period = ? order by company_code, person_code")
                .param(period).query(ROW).list();
    }
}
