package com.perftrack.templates;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** market_competitor and market_estimate. */
@Repository
class MarketStore {

    private final JdbcClient jdbc;

    MarketStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces competitors and estimate of every (period, unit) of the file by its lines. */
    void replace(Rows.Market market, String user, LocalDateTime now) {
        Timestamp at = Timestamp.valueOf(now);
        Set<String> cleared = new HashSet<>();
        market.competitors().forEach(c -> clear(cleared, c.period(), c.unit().code()));
        market.estimates().forEach(e -> clear(cleared, e.period(), e.unit().code()));
        for (Rows.Competitor c : market.competitors()) {
            jdbc.sql("insert into market_competitor (company_code, period, unit_type, unit_code, competitor, product, price, move, "
                    + "imported_by, imported_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(c.unit().companyCode(), c.period(), c.unit().unitType(), c.unit().code(), c.competitor(), c.product(),
                            c.price(), c.move(), user, at).update();
        }
        for (Rows.Estimate e : market.estimates()) {
            jdbc.sql("insert into market_estimate (company_code, period, unit_type, unit_code, market_size, market_share, "
                    + "demand_change, policy, imported_by, imported_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(e.unit().companyCode(), e.period(), e.unit().unitType(), e.unit().code(), e.size(), e.share(),
                            e.demandChange(), e.policy(), user, at).update();
        }
    }

    private void clear(Set<String> cleared, String period, String unitCode) {
        if (cleared.add(period + '|' + unitCode)) {
            jdbc.sql("delete from market_competitor where period = ? and unit_code = ?").params(period, unitCode).update();
            jdbc.sql("delete from market_estimate where period = ? and unit_code = ?").params(period, unitCode).update();
        }
    }

    List<TemplateViews.CompetitorView> competitors(List<String> periods, String unitCode) {
        return jdbc.sql("select period, unit_type, unit_code, competitor, product, price, move from market_competitor "
                        + "where period in (:periods) and (cast(:unit as varchar(64)) is null or unit_code = :unit) "
                        + "order by period, unit_code, id")
                .param("periods", periods).param("unit", unitCode)
                .query((rs, n) -> new TemplateViews.CompetitorView(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), PlanReview.plain(rs.getBigDecimal(6)), rs.getString(7)))
                .list();
    }

    List<TemplateViews.EstimateView> estimates(List<String> periods, String unitCode) {
        return jdbc.sql("select period, unit_type, unit_code, market_size, market_share, demand_change, policy from market_estimate "
                        + "where period in (:periods) and (cast(:unit as varchar(64)) is null or unit_code = :unit) "
                        + "order by period, unit_code")
                .param("periods", periods).param("unit", unitCode)
                .query((rs, n) -> new TemplateViews.EstimateView(rs.getString(1), rs.getString(2), rs.getString(3),
                        PlanReview.plain(rs.getBigDecimal(4)), PlanReview.plain(rs.getBigDecimal(5)), rs.getString(6),
                        rs.getString(7)))
                .list();
    }
}
