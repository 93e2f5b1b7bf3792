package com.perftrack.sales;

import com.perftrack.calendar.BusinessCalendar;
import com.perftrack.organisation.OrgUnit;
import com.perftrack.security.ConflictRefusal;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Weekly sales plans (周工作计划, issue 16; seed: 每周召开销售会议, 本周目标、客户拜访计划). Each sales person
 * ({@link SalesPersons}) files
 * the week's targets (SALES_AMOUNT, NEW_CUSTOMERS) and planned customer visits; the sales head's weekly
 * meeting compares last week's plans with what the daily figures show was achieved.
 */
@Service
public class WeeklySalesPlanService {

    static final String PROCESS_KEY = "weekly-sales-plan";
    static final String SALES_ROLE = SalesPersons.SALES_ROLE;
    static final int MAX_TEXT = 2000;

    private final SalesPlanRepository plans;
    private final SalesPersons salesPersons;
    private final DailyActuals dailyActuals;
    private final BusinessCalendar calendar;
    private final HistoryService history;

    WeeklySalesPlanService(SalesPlanRepository plans, SalesPersons salesPersons, DailyActuals dailyActuals,
            BusinessCalendar calendar, HistoryService history) {
        this.history = history;
        this.plans = plans;
        this.salesPersons = salesPersons;
        this.dailyActuals = dailyActuals;
        this.calendar = calendar;
    }

    /** Registers the company's week for this instance; a second start of the same week is refused (409). */
    @Transactional
    public void register(String companyCode, SalesWeek week, String processInstanceId) {
        if (!salesPersons.isCompany(companyCode)) {
            throw new BadUserRequestException("没有公司 " + companyCode + " / no company " + companyCode);
        }
        // look first: on PostgreSQL a refused insert spoils the transaction for any further statement
        var earlier = plans.weekInstance(companyCode, week.toString());
        boolean registered = earlier.isPresent()
                ? wasCancelled(earlier.get()) && plans.reassignWeek(companyCode, week.toString(), earlier.get(),
                        processInstanceId, calendar.now())
                : plans.registerWeek(companyCode, week.toString(), processInstanceId, calendar.now());
        if (!registered) {
            throw new ConflictRefusal("公司 " + companyCode + " 的 " + week + " 周销售计划已开启，不能重复开启。/ The weekly sales "
                    + "plan " + week + " of company " + companyCode + " is already open.");
        }
    }

    /** A week whose instance was cancelled in Cockpit is free again; a running or finished one is not. */
    private boolean wasCancelled(String processInstanceId) {
        HistoricProcessInstance earlier = history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId)
                .singleResult();
        return earlier == null || HistoricProcessInstance.STATE_EXTERNALLY_TERMINATED.equals(earlier.getState())
                || HistoricProcessInstance.STATE_INTERNALLY_TERMINATED.equals(earlier.getState());
    }

    public boolean weekOpen(String companyCode, SalesWeek week) {
        return plans.weekExists(companyCode, week.toString());
    }

    /** One open plan per sales person of the company for the week (idempotent); their ids, by person code. */
    @Transactional
    public List<Long> openPlans(String companyCode, SalesWeek week) {
        List<Long> ids = new ArrayList<>();
        for (OrgUnit person : salesPersons.of(companyCode)) {
            ids.add(plans.planFor(companyCode, week.toString(), person.code(), person.userId()));
        }
        return ids;
    }

    public Optional<String> salesHead(String companyCode) {
        return salesPersons.head(companyCode);
    }

    /** The companies that have a sales department with at least one sales person: the timer opens their weeks. */
    public List<String> companiesWithSalesPersons() {
        return salesPersons.companies().stream().filter(c -> !salesPersons.of(c).isEmpty()).toList();
    }

    SalesPlan plan(long planId) {
        return plans.find(planId).orElseThrow(() -> new IllegalStateException("no sales plan " + planId));
    }

    String personName(String personCode) {
        return salesPersons.name(personCode);
    }

    /**
     * The sales person files the week's plan: both targets (not negative; new customers a whole number) and
     * at least one customer visit in the week. Every problem is named in one refusal; nothing is stored then.
     */
    @Transactional
    public void file(long planId, Object salesAmount, Object newCustomers, String visitsText, String comment, String userId) {
        SalesPlan plan = plan(planId);
        if (plan.userId() != null && userId != null && !plan.userId().equals(userId)) {
            throw new BadUserRequestException("只能由 " + personName(plan.personCode()) + " 本人填写此计划 / only the sales "
                    + "person files their own plan");
        }
        SalesWeek week = SalesWeek.parse(plan.week());
        List<String> problems = new ArrayList<>();
        BigDecimal amount = number(salesAmount, "本周销售额目标 sales amount target", problems);
        BigDecimal customers = number(newCustomers, "本周新客户数目标 new customers target", problems);
        if (customers != null && customers.stripTrailingZeros().scale() > 0) {
            problems.add("本周新客户数目标须为整数 / the new customers target must be a whole number");
        }
        List<VisitLines.Visit> visits = List.of();
        try {
            visits = VisitLines.parse(visitsText, week);
            if (visits.isEmpty()) {
                problems.add("请至少填写一次客户拜访（每行：日期，客户，目的）/ plan at least one customer visit "
                        + "(one a line: date, customer, purpose)");
            }
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        String note = comment == null || comment.isBlank() ? null : comment.trim();
        if (note != null && note.length() > MAX_TEXT) {
            problems.add("说明最多 " + MAX_TEXT + " 字 / the comment holds at most " + MAX_TEXT + " characters");
        }
        if (!problems.isEmpty()) {
            throw new BadUserRequestException("不能提交周计划：" + String.join("；", problems));
        }
        Map<String, BigDecimal> targets = new LinkedHashMap<>();
        targets.put("SALES_AMOUNT", amount);
        targets.put("NEW_CUSTOMERS", customers);
        plans.file(planId, targets, visits, note, userId, calendar.now());
    }

    private static BigDecimal number(Object value, String label, List<String> problems) {
        if (value == null || value.toString().isBlank()) {
            problems.add("请填写" + label);
            return null;
        }
        try {
            BigDecimal number = new BigDecimal(value.toString().trim());
            if (number.signum() < 0) {
                problems.add(label + "不能为负数 / must not be negative");
                return null;
            }
            return number;
        } catch (NumberFormatException e) {
            problems.add(label + "须为数字 / must be a number: " + value);
            return null;
        }
    }

    /** The week's plans against what each person achieved in that week (daily figures), per person and KPI. */
    public List<PlanVsAchieved.Row> planVsAchieved(String companyCode, SalesWeek week) {
        List<PlanVsAchieved.Person> persons = new ArrayList<>();
        for (SalesPlan plan : plans.ofWeek(companyCode, week.toString())) {
            persons.add(new PlanVsAchieved.Person(plan.personCode(), personName(plan.personCode()), plan.filed(),
                    plans.targets(plan.id()), dailyActuals.of(plan.personCode(), week.monday(), week.sunday())));
        }
        return PlanVsAchieved.rows(persons);
    }

    @Transactional
    public void recordMeeting(String companyCode, SalesWeek week, String decisions, String userId) {
        if (decisions == null || decisions.isBlank()) {
            throw new BadUserRequestException("请填写会议的决定/措施 / record the meeting's decisions and measures");
        }
        if (decisions.trim().length() > MAX_TEXT) {
            throw new BadUserRequestException("决定/措施最多 " + MAX_TEXT + " 字 / decisions hold at most " + MAX_TEXT
                    + " characters");
        }
        plans.recordMeeting(companyCode, week.toString(), decisions.trim(), userId, calendar.now());
    }

    /** The week as {@code GET /api/weekly-plans} shows it. */
    public WeekView week(String companyCode, SalesWeek week) {
        List<PlanView> views = plans.ofWeek(companyCode, week.toString()).stream()
                .map(p -> new PlanView(p.id(), p.personCode(), personName(p.personCode()), p.state(), plans.targets(p.id()),
                        plans.visits(p.id()).stream().map(v -> new VisitView(v.date().toString(), v.customer(), v.purpose()))
                                .toList(), p.comment(), p.filedBy(), p.filedAt()))
                .toList();
        var meeting = plans.meeting(companyCode, week.toString());
        return new WeekView(week.toString(), companyCode, week.monday().toString(), week.sunday().toString(), views,
                planVsAchieved(companyCode, week), meeting.map(SalesPlanRepository.Meeting::decisions).orElse(null),
                meeting.map(SalesPlanRepository.Meeting::recordedBy).orElse(null));
    }

    public record VisitView(String date, String customer, String purpose) {}

    public record PlanView(long id, String personCode, String personName, String state, Map<String, BigDecimal> targets,
            List<VisitView> visits, String comment, String filedBy, Instant filedAt) {}

    public record WeekView(String week, String companyCode, String from, String to, List<PlanView> plans,
            List<PlanVsAchieved.Row> planVsAchieved, String meetingDecisions, String meetingRecordedBy) {}
}
