package com.perftrack.kpi;

import com.perftrack.calendar.Period;
import com.perftrack.calendar.Quarter;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The stored monthly figures of a company's persons over a quarter's three months, read in one
 * set-based query, for the quarterly evaluation. Empty target or actual stays {@code null}: "not reported".
 */
@Service
public class QuarterFigures {

    /** One stored figure of a person for one month and KPI. */
    public record PersonFigure(String personCode, String period, String kpiCode, BigDecimal target, BigDecimal actual) {}

    private final JdbcClient jdbc;

    public QuarterFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<PersonFigure> ofCompany(String companyCode, Quarter quarter) {
        List<String> months = quarter.months().stream().map(Period::toString).toList();
        return jdbc.sql("select f.unit_code, f.period, f.kpi_code, f.target, f.actual from figure f "
                        + "join org_unit u on u.code = f.unit_code and u.unit_type = 'person' "
                        + "where f.unit_type = 'person' and u.company_code = ? and f.period in (?, ?, ?) "
                        + "order by f.unit_code, f.kpi_code, f.period")
                .params(companyCode, months.get(0), months.get(1), months.get(2))
                .query((rs, n) -> new PersonFigure(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getBigDecimal(4), rs.getBigDecimal(5)))
                .list();
    }

    /** The first quarter in which any person of the company has a figure; empty if none. */
    public Optional<Quarter> firstQuarter(String companyCode) {
        String first = jdbc.sql("select min(f.period) from figure f join org_unit u on u.code = f.unit_code "
                        + "and u.unit_type = 'person' where f.unit_type = 'person' and u.company_code = ?")
                .param(companyCode).query(String.class).optional().orElse(null);
        return first == null ? Optional.empty() : Optional.of(Period.parse(first).quarter());
    }
}
