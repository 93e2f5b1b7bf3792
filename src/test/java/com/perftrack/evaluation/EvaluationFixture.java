package com.perftrack.evaluation;

import com.perftrack.archive.ArchiveService;
import com.perftrack.calendar.BusinessCalendar;
import com.perftrack.kpi.KpiCatalog;
import com.perftrack.kpi.QuarterFigures;
import com.perftrack.organisation.OrganisationService;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Engine-only wiring of the evaluation beans on the process test's H2 database, and a small
 * company: PTCO with a sales department (head sales.head), P1 and P2 in it, P3 directly under the
 * company; users u1..u3. Only SALES_AMOUNT is reported (target 100 a month), so a person's score is
 * that one attainment (weights renormalise over the KPIs with data).
 */
final class EvaluationFixture {

    final JdbcClient jdbc;
    final EvaluationService evaluations;
    final AppealService appeals;
    final EvaluationTables tables;
    final FourEyes fourEyes;
    final ImprovementPlanService plans;
    /** Every event the services published (a confirmed WARNING), in order. */
    final List<Object> published = new ArrayList<>();
    final CoachingService coaching;
    /** Set by tests that deploy {@code improvement-plan}: then a confirmed WARNING starts the plan as in the application. */
    ImprovementPlanStarter planStarter;

    EvaluationFixture(JdbcClient jdbc, ProcessEngine engine) {
        this.jdbc = jdbc;
        var calendar = new BusinessCalendar("Asia/Shanghai");
        var organisation = new OrganisationService(jdbc);
        var repository = new EvaluationRepository(jdbc);
        var calculator = new EvaluationCalculator(organisation, new KpiCatalog(jdbc), new QuarterFigures(jdbc),
                repository, new OutcomeRules(engine.getDecisionService()), new BigDecimal("1.5"));
        var archive = new ArchiveService(jdbc, calendar);
        this.evaluations = new EvaluationService(calculator, repository, archive, calendar, new EvaluationSettings(7),
                engine.getRuntimeService(), event -> {
                    published.add(event);
                    if (event instanceof WarningConfirmed warning && planStarter != null) {
                        planStarter.on(warning);
                    }
                });
        this.fourEyes = new FourEyes(organisation, engine.getIdentityService());
        this.appeals = new AppealService(new AppealRepository(jdbc), repository, calculator, organisation, archive,
                calendar);
        this.plans = new ImprovementPlanService(new ImprovementPlanRepository(jdbc), organisation, appeals, archive,
                calendar);
        this.tables = new EvaluationTables(evaluations, organisation, plans);
        this.coaching = new CoachingService(new CoachingRepository(jdbc), calculator, organisation, appeals, archive,
                calendar, engine.getRuntimeService(), engine.getIdentityService(), 10);
    }

    Map<Object, Object> beans(Map<Object, Object> beans) {
        beans.put("registerEvaluationListener", new RegisterEvaluationListener(evaluations));
        beans.put("calculateScoresDelegate", new CalculateScoresDelegate(evaluations, tables));
        beans.put("confirmProposalsListener", new ConfirmProposalsListener(evaluations, tables, fourEyes, plans));
        beans.put("approveDisciplinaryListener", new ApproveDisciplinaryListener());
        beans.put("publishResultsDelegate", new PublishResultsDelegate(evaluations, tables));
        beans.put("terminationDecisionListener", new TerminationDecisionListener(evaluations));
        beans.put("annualAwardsListener", new AnnualAwardsListener(evaluations, tables));
        beans.put("openAppealListener", new OpenAppealListener(appeals));
        beans.put("appealOpinionListener", new AppealOpinionListener(appeals));
        beans.put("appealReviewListener", new AppealReviewListener(fourEyes));
        beans.put("recordAppealDecisionDelegate", new RecordAppealDecisionDelegate(appeals));
        beans.put("recomputeOutcomesDelegate", new RecomputeOutcomesDelegate(appeals));
        beans.put("openPlanDelegate", new OpenPlanDelegate(plans));
        beans.put("agreeGoalsListener", new AgreeGoalsListener(plans));
        beans.put("planCheckInListener", new PlanCheckInListener(plans));
        beans.put("planAssessmentListener", new PlanAssessmentListener(plans));
        beans.put("improvementPlanSchedule", new ImprovementPlanSchedule(new BusinessCalendar("Asia/Shanghai")));
        beans.put("coachingSchedule", new CoachingSchedule("0 0 8 10 * ?", new BusinessCalendar("Asia/Shanghai")));
        beans.put("coachingTalkListener", new CoachingTalkListener(coaching));
        beans.put("openCoachingTalksDelegate", new OpenCoachingTalksDelegate(coaching, new BusinessCalendar("Asia/Shanghai")));
        return beans;
    }

    /**
     * Monthly sales actuals per quarter (target 100): P1 120, 130, 110, 125 → bonus every quarter;
     * P2 90, 95, 90, 90 → below target 1, 2 (warning), 3 (fine), 4 (demotion review);
     * P3 80, 100, 100, 100 → below once, then at target (the count resets).
     */
    void company() {
        unit("PTCO", "company", null, "gm", "production");
        unit("PTCO-SALES", "department", "PTCO", "sales.head", "sales");
        unit("P1", "person", "PTCO-SALES", "u1", "employee");
        unit("P2", "person", "PTCO-SALES", "u2", "employee");
        unit("P3", "person", "PTCO", "u3", null);
        int[][] actuals = {{120, 130, 110, 125}, {90, 95, 90, 90}, {80, 100, 100, 100}};
        for (int p = 0; p < 3; p++) {
            for (int q = 0; q < 4; q++) {
                for (int m = 1; m <= 3; m++) {
                    figure(String.format("2026-%02d", q * 3 + m), "P" + (p + 1), "SALES_AMOUNT", "100",
                            String.valueOf(actuals[p][q]));
                }
            }
        }
    }

    void unit(String code, String type, String parent, String userId, String role) {
        jdbc.sql("insert into org_unit (code, unit_type, name, parent_code, company_code, user_id, role, updated_at) "
                        + "values (?, ?, ?, ?, 'PTCO', ?, ?, ?)")
                .params(code, type, code, parent, userId, role, Timestamp.from(Instant.now())).update();
    }

    void figure(String period, String person, String kpi, String target, String actual) {
        jdbc.sql("insert into figure (period, unit_type, unit_code, kpi_code, target, actual, imported_at) "
                        + "values (?, 'person', ?, ?, ?, ?, ?)")
                .params(period, person, kpi, target == null ? null : new BigDecimal(target),
                        actual == null ? null : new BigDecimal(actual), Timestamp.from(Instant.now())).update();
    }

    EvaluationView row(String quarter, String person) {
        return evaluations.results(com.perftrack.calendar.Quarter.parse(quarter)).stream()
                .filter(e -> e.personCode().equals(person)).findFirst().orElseThrow();
    }

    void clear() {
        for (String table : new String[] {"coaching_talk", "archive_entry", "improvement_plan_entry", "improvement_plan", "evaluation_appeal", "evaluation", "evaluation_run", "figure",
                "org_unit"}) {
            jdbc.sql("delete from " + table).update();
        }
        ClockUtil.reset();
    }

    static void setClock(String isoDateTime) {
        ClockUtil.setCurrentTime(Date.from(ZonedDateTime.parse(isoDateTime).toInstant()));
    }
}
