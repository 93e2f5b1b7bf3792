package com.perftrack.templates;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** regional_plan_target and regional_plan_item. */
@Repository
class PlanStore {

    private final JdbcClient jdbc;

    PlanStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces targets and items of every (period, region) of the file by its lines. */
    void replace(Rows.Plan plan, String user, LocalDateTime now) {
        Timestamp at = Timestamp.valueOf(now);
        Set<String> cleared = new HashSet<>();
        plan.targets().forEach(t -> clear(cleared, t.period(), t.region().code()));
        plan.items().forEach(i -> clear(cleared, i.period(), i.region().code()));
        for (Rows.PlanTarget t : plan.targets()) {
            jdbc.sql("insert into regional_plan_target (company_code, period, region_code, kpi_code, target, imported_by, imported_at) "
                    + "values (?, ?, ?, ?, ?, ?, ?)")
                    .params(t.region().companyCode(), t.period(), t.region().code(), t.kpiCode(), t.target(), user, at).update();
        }
        for (Rows.PlanItem i : plan.items()) {
            jdbc.sql("insert into regional_plan_item (company_code, period, region_code, activity, owner, due_date, budget, "
                    + "imported_by, imported_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(i.region().companyCode(), i.period(), i.region().code(), i.activity(), i.owner(), i.due(), i.budget(),
                            user, at).update();
        }
    }

    private void clear(Set<String> cleared, String period, String regionCode) {
        if (cleared.add(period + '|' + regionCode)) {
            jdbc.sql("delete from regional_plan_target where period = ? and region_code = ?").params(period, regionCode).update();
            jdbc.sql("delete from regional_plan_item where period = ? and region_code = ?").params(period, regionCode).update();
        }
    }

    List<TemplateViews.TargetView> targets(List<String> periods, String regionCode) {
        return jdbc.sql("select period, region_code, kpi_code, target from regional_plan_target where period in (:periods) "
                        + "and (cast(:unit as varchar(64)) is null or region_code = :unit) order by period, region_code, kpi_code")
                .param("periods", periods).param("unit", regionCode)
                .query((rs, n) -> new TemplateViews.TargetView(rs.getString(1), rs.getString(2), rs.getString(3),
                        PlanReview.plain(rs.getBigDecimal(4))))
                .list();
    }

    List<TemplateViews.ItemView> items(List<String> periods, String regionCode) {
        return jdbc.sql("select period, region_code, activity, owner, due_date, budget from regional_plan_item where period in (:periods) "
                        + "and (cast(:unit as varchar(64)) is null or region_code = :unit) order by period, region_code, due_date, id")
                .param("periods", periods).param("unit", regionCode)
                .query((rs, n) -> new TemplateViews.ItemView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), PlanReview.plain(rs.getBigDecimal(6))))
                .list();
    }
}
