package com.perftrack.templates;

import com.perftrack.calendar.BusinessCalendar;
import com.perftrack.imports.ImportTable;
import com.perftrack.imports.LineError;
import com.perftrack.imports.TemplateFiles;
import com.perftrack.kpi.FiguresImported;
import com.perftrack.kpi.Kpi;
import com.perftrack.kpi.KpiCatalog;
import com.perftrack.organisation.OrgUnit;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Uploads of the three templates: the whole file is read and checked (lines, then remit) before one
 * transaction replaces the stored lines of its (month, unit) pairs and writes the figures the template
 * feeds ({@link FigureFeed}).
 */
@Service
class TemplateService {

    static final String SATISFACTION = "CUSTOMER_SATISFACTION";
    static final String MARKET_SHARE = "MARKET_SHARE";

    private final TemplateFiles files;
    private final SurveyStore surveys;
    private final MarketStore market;
    private final PlanStore plans;
    private final FigureFeed feed;
    private final KpiCatalog catalog;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final BusinessCalendar calendar;

    TemplateService(TemplateFiles files, SurveyStore surveys, MarketStore market, PlanStore plans, FigureFeed feed,
            KpiCatalog catalog, TransactionTemplate transaction, ApplicationEventPublisher events, BusinessCalendar calendar) {
        this.files = files;
        this.surveys = surveys;
        this.market = market;
        this.plans = plans;
        this.feed = feed;
        this.catalog = catalog;
        this.transaction = transaction;
        this.events = events;
        this.calendar = calendar;
    }

    TemplateViews.ImportSummary importSurveys(String fileName, byte[] content, TemplateRemit caller) {
        ImportTable table = files.read(content);
        List<Rows.Survey> rows = new TemplateFileParsers(caller.units()).surveys(table, surveys::questions,
                surveys.allQuestionCodes());
        refuseOutsideRemit(table, "unit_code", caller);
        return transaction.execute(status -> {
            surveys.replace(rows, caller.userId(), now());
            List<String> periods = periods(rows.stream().map(Rows.Survey::period).toList());
            Map<String, BigDecimal> satisfaction = new LinkedHashMap<>();
            Map<String, Boolean> feeds = new LinkedHashMap<>();
            for (Rows.Survey row : rows) {
                OrgUnit unit = row.unit();
                if (feeds.computeIfAbsent(unit.companyCode(), surveys::feedsSatisfaction)) {
                    String key = row.period() + '|' + unit.unitType() + '|' + unit.code();
                    satisfaction.computeIfAbsent(key, k -> Satisfaction.fraction(
                            surveys.scoresByUnit(List.of(row.period()), unit.code()).get(k)));
                }
            }
            FigureFeed.Result fed = feed.feed(SATISFACTION, FigureFeed.values(satisfaction), caller.userId(),
                    "customer-survey:" + fileName);
            return finish("customer-survey", rows.size(), rows.stream().map(r -> r.unit().code()), periods, fed);
        });
    }

    TemplateViews.ImportSummary importMarket(String fileName, byte[] content, TemplateRemit caller) {
        ImportTable table = files.read(content);
        Rows.Market parsed = new TemplateFileParsers(caller.units()).market(table);
        refuseOutsideRemit(table, "unit_code", caller);
        return transaction.execute(status -> {
            market.replace(parsed, caller.userId(), now());
            List<String> periods = new ArrayList<>(parsed.competitors().stream().map(Rows.Competitor::period).toList());
            periods.addAll(parsed.estimates().stream().map(Rows.Estimate::period).toList());
            List<FigureFeed.Value> shares = parsed.estimates().stream().filter(e -> e.share() != null)
                    .map(e -> new FigureFeed.Value(e.period(), e.unit().unitType(), e.unit().code(), e.share())).toList();
            FigureFeed.Result fed = feed.feed(MARKET_SHARE, shares, caller.userId(), "market-report:" + fileName);
            List<String> units = new ArrayList<>(parsed.competitors().stream().map(c -> c.unit().code()).toList());
            units.addAll(parsed.estimates().stream().map(e -> e.unit().code()).toList());
            return finish("market-report", table.lines().size(), units.stream(), periods(periods), fed);
        });
    }

    TemplateViews.ImportSummary importPlan(String fileName, byte[] content, TemplateRemit caller) {
        ImportTable table = files.read(content);
        Set<String> kpis = new TreeSet<>();
        catalog.all().forEach(k -> kpis.add(k.code()));
        Rows.Plan parsed = new TemplateFileParsers(caller.units()).plan(table, kpis::contains);
        refuseOutsideRemit(table, "region_code", caller);
        return transaction.execute(status -> {
            plans.replace(parsed, caller.userId(), now());
            List<String> periods = new ArrayList<>(parsed.targets().stream().map(Rows.PlanTarget::period).toList());
            periods.addAll(parsed.items().stream().map(Rows.PlanItem::period).toList());
            List<String> units = new ArrayList<>(parsed.targets().stream().map(t -> t.region().code()).toList());
            units.addAll(parsed.items().stream().map(i -> i.region().code()).toList());
            return finish("regional-plan", table.lines().size(), units.stream(), periods(periods), new FigureFeed.Result(0, List.of()));
        });
    }

    /**
     * A company's survey settings. {@code questions} null keeps them; an empty list returns to the seed's
     * defaults. Codes are lower-case column names (a-z, 0-9, _), not one of the file's own columns.
     */
    void changeSettings(String companyCode, boolean feedsSatisfaction, List<SurveyQuestion> questions, String user) {
        if (questions != null) {
            Set<String> codes = new TreeSet<>();
            for (SurveyQuestion q : questions) {
                if (q == null || q.code() == null || !q.code().matches("[a-z][a-z0-9_]{0,31}") || q.label() == null
                        || q.label().isBlank() || q.label().length() > 100 || !codes.add(q.code())
                        || TemplateFileParsers.SURVEY_COLUMNS.contains(q.code()) || "comment".equals(q.code())) {
                    throw new IllegalArgumentException("问题代码须为小写字母开头的 a-z、0-9、_（最多 32 字符，不重复，不用文件列名），"
                            + "标签 1-100 字符 / each question needs a unique lower-case code (a-z, 0-9, _; not a file column) "
                            + "and a label of 1-100 characters: " + q);
                }
            }
        }
        transaction.executeWithoutResult(status -> {
            surveys.setFeedsSatisfaction(companyCode, feedsSatisfaction, user, now());
            if (questions != null) {
                surveys.setQuestions(companyCode, questions);
            }
        });
    }

    /** Plan against result for the planned month: targets of the plan, actuals from the month's KPI results. */
    List<PlanReview.Line> review(List<Rows.PlanTarget> targets, Map<String, BigDecimal> actuals) {
        Set<String> lower = new TreeSet<>();
        catalog.all().stream().filter(Kpi::lowerIsBetter).forEach(k -> lower.add(k.code()));
        return PlanReview.of(targets, actuals, lower::contains);
    }

    private TemplateViews.ImportSummary finish(String kind, int rows, java.util.stream.Stream<String> units, List<String> periods,
            FigureFeed.Result fed) {
        events.publishEvent(new TemplateImported(periods));
        if (fed.written() > 0) {
            events.publishEvent(new FiguresImported(periods));
        }
        return new TemplateViews.ImportSummary(kind, rows, (int) units.distinct().count(), periods, fed.written(), fed.warnings());
    }

    private static void refuseOutsideRemit(ImportTable table, String column, TemplateRemit caller) {
        int at = table.header().indexOf(column);
        List<LineError> errors = new ArrayList<>();
        for (ImportTable.Line line : table.lines()) {
            OrgUnit unit = caller.units().get(line.cell(at));
            LineError error = unit == null ? null : caller.check(line.number(), column, unit);
            if (error != null) {
                errors.add(error);
            }
        }
        TemplateRemit.refuse(errors);
    }

    private static List<String> periods(List<String> periods) {
        return List.copyOf(new TreeSet<>(periods));
    }

    private LocalDateTime now() {
        return calendar.nowZoned().toLocalDateTime();
    }
}
