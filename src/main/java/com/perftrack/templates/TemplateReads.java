package com.perftrack.templates;

import com.perftrack.calendar.ReportingPeriod;
import com.perftrack.kpi.KpiResultService;
import com.perftrack.kpi.KpiResultView;
import com.perftrack.organisation.OrgUnit;
import com.perftrack.organisation.OrganisationService;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import org.springframework.stereotype.Service;

/**
 * The stored templates of a month (or each month of a longer period), cut to what a reader may see
 * ({@code visible}: unit type and code), for the JSON endpoints, the exports and the collection forms.
 */
@Service
class TemplateReads {

    private final SurveyStore surveys;
    private final MarketStore market;
    private final PlanStore plans;
    private final KpiResultService results;
    private final OrganisationService organisation;
    private final TemplateService service;

    TemplateReads(SurveyStore surveys, MarketStore market, PlanStore plans, KpiResultService results,
            OrganisationService organisation, TemplateService service) {
        this.surveys = surveys;
        this.market = market;
        this.plans = plans;
        this.results = results;
        this.organisation = organisation;
        this.service = service;
    }

    /** The months of a month YYYY-MM or of a quarter, half year or year. */
    static List<String> months(String period) {
        return ReportingPeriod.parse(period).months().stream().map(Object::toString).toList();
    }

    TemplateViews.Surveys surveys(String period, String companyCode, String unitCode, BiPredicate<String, String> visible) {
        List<TemplateViews.SurveyView> rows = surveys.surveys(months(period), unitCode).stream()
                .filter(s -> visible.test(s.unitType(), s.unitCode())).toList();
        Map<String, List<Integer>> scores = new LinkedHashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        for (TemplateViews.SurveyView s : rows) {
            String key = s.period() + '|' + s.unitType() + '|' + s.unitCode();
            scores.computeIfAbsent(key, k -> new ArrayList<>()).addAll(s.scores().values());
            counts.merge(key, 1, Integer::sum);
        }
        List<TemplateViews.SurveyMean> means = scores.entrySet().stream().map(e -> {
            String[] key = e.getKey().split("\\|");
            return new TemplateViews.SurveyMean(key[0], key[1], key[2], counts.get(e.getKey()),
                    PlanReview.plain(Satisfaction.mean(e.getValue())), Satisfaction.fraction(e.getValue()));
        }).toList();
        return new TemplateViews.Surveys(period, surveys.questions(companyCode), surveys.feedsSatisfaction(companyCode), rows,
                means);
    }

    TemplateViews.MarketReport market(String period, String unitCode, BiPredicate<String, String> visible) {
        List<String> months = months(period);
        return new TemplateViews.MarketReport(period,
                market.competitors(months, unitCode).stream().filter(c -> visible.test(c.unitType(), c.unitCode())).toList(),
                market.estimates(months, unitCode).stream().filter(e -> visible.test(e.unitType(), e.unitCode())).toList());
    }

    TemplateViews.RegionalPlan plan(String period, String regionCode, BiPredicate<String, String> visible) {
        List<String> months = months(period);
        return new TemplateViews.RegionalPlan(period,
                plans.targets(months, regionCode).stream().filter(t -> visible.test(OrgUnit.REGION, t.regionCode())).toList(),
                plans.items(months, regionCode).stream().filter(i -> visible.test(OrgUnit.REGION, i.regionCode())).toList());
    }

    /** The plan of a month against that month's KPI results of its regions. */
    List<PlanReview.Line> review(String month, String regionCode, BiPredicate<String, String> visible) {
        List<Rows.PlanTarget> targets = new ArrayList<>();
        Map<String, BigDecimal> actuals = new HashMap<>();
        for (TemplateViews.TargetView t : plans.targets(List.of(month), regionCode)) {
            if (!visible.test(OrgUnit.REGION, t.regionCode())) {
                continue;
            }
            OrgUnit region = organisation.findUnit(t.regionCode()).orElse(null);
            if (region == null) {
                continue; // a region removed from the organisation since
            }
            targets.add(new Rows.PlanTarget(t.period(), region, t.kpiCode(), t.target()));
            for (KpiResultView r : results.results(month, OrgUnit.REGION, t.regionCode(), t.kpiCode())) {
                if (r.actual() != null) {
                    actuals.put(r.unitCode() + '|' + r.kpiCode(), r.actual());
                }
            }
        }
        return service.review(targets, actuals);
    }
}
