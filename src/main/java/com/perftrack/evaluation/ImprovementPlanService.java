package com.perftrack.evaluation;

import com.perftrack.archive.ArchiveEntry;
import com.perftrack.archive.ArchiveService;
import com.perftrack.calendar.BusinessCalendar;
import com.perftrack.calendar.Quarter;
import com.perftrack.organisation.OrgUnit;
import com.perftrack.organisation.OrganisationService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Improvement plans after a confirmed written warning (issue 17; seed: 书面警告并提供改进指导): the
 * department head agrees goals with a number and an end date, the person checks in every 旬, the head
 * assesses each month and records at the end whether the plan was achieved or failed. Start, every
 * assessment and the end are archived. A failed plan is what a termination review needs.
 */
@Service
public class ImprovementPlanService {

    /** A plan runs at least one 旬 and at most about half a year. */
    static final int MIN_DAYS = 10;
    static final int MAX_DAYS = 183;

    record Opened(long planId, boolean created) {}

    record Participants(String managerUserId, String personUserId, String personName) {}

    record Schedule(LocalDate endDate, List<LocalDate> checkIns, List<LocalDate> assessments) {}

    private final ImprovementPlanRepository plans;
    private final OrganisationService organisation;
    private final AppealService appeals;
    private final ArchiveService archive;
    private final BusinessCalendar calendar;

    ImprovementPlanService(ImprovementPlanRepository plans, OrganisationService organisation, AppealService appeals,
            ArchiveService archive, BusinessCalendar calendar) {
        this.plans = plans;
        this.organisation = organisation;
        this.appeals = appeals;
        this.archive = archive;
        this.calendar = calendar;
    }

    /** One plan per person and warning quarter: a second warning event of the same quarter finds the first plan. */
    @Transactional
    Opened open(Quarter quarter, String personCode, String companyCode) {
        Optional<Long> existing = plans.idOf(personCode, quarter.toString());
        if (existing.isPresent()) {
            return new Opened(existing.get(), false);
        }
        long id = plans.insert(personCode, companyCode, quarter.toString(), calendar.today(), calendar.now());
        archive.append(ArchiveEntry.of("PLAN_START:" + id, personCode, quarter.toString(), "IMPROVEMENT_PLAN",
                "书面警告后启动改进计划 Improvement plan started after the written warning of " + quarter, null,
                "improvement-plan", String.valueOf(id), null));
        return new Opened(id, true);
    }

    void assign(long planId, String processInstanceId) {
        plans.assign(planId, processInstanceId);
    }

    /**
     * Who agrees and assesses: the head of the person's department, found as the appeal finds its
     * opinion giver (a warned department head's plan goes one level up); without a department, the
     * company's general manager.
     */
    @Transactional
    Participants participants(long planId) {
        ImprovementPlan plan = require(planId);
        OrgUnit person = organisation.findUnit(plan.personCode()).orElseThrow(() ->
                new IllegalStateException("person " + plan.personCode() + " of plan " + planId + " is not in the organisation"));
        String manager = appeals.opinionGiver(person.code(), person.userId())
                .or(() -> organisation.generalManagerUserId(person.companyCode()))
                .orElseThrow(() -> new IllegalStateException("no department head or general manager above "
                        + person.code() + " (organisation file: user_id of the department or company)"));
        plans.participants(planId, manager, person.userId());
        return new Participants(manager, person.userId(), EvaluationLabels.named(person.name(), person.code()));
    }

    /** The head agrees the goals: text with a number, the indicator and its target, agreed support, the end date. */
    @Transactional
    Schedule agree(long planId, String goals, String indicator, BigDecimal target, String support, String endDate,
            String userId) {
        ImprovementPlan plan = require(planId);
        notThePerson(planId, userId);
        if (!ImprovementPlan.AGREEING.equals(plan.state())) {
            throw new BadUserRequestException("改进计划的目标已经商定 / the plan's goals are already agreed");
        }
        if (blank(goals) || !goals.matches("(?s).*\\d.*")) {
            throw new BadUserRequestException("改进目标须写明可量化的数字，例如“月销售额达到 90 万元” / the goals need a number, "
                    + "e.g. 'monthly sales reach 900,000 CNY'");
        }
        if (blank(indicator) || target == null) {
            throw new BadUserRequestException("请填写衡量指标及其目标值 / the indicator and its target value are required");
        }
        LocalDate today = calendar.today();
        LocalDate end = date(endDate);
        if (end.isBefore(today.plusDays(MIN_DAYS)) || end.isAfter(today.plusDays(MAX_DAYS))) {
            throw new BadUserRequestException("计划结束日期须在今天起 " + MIN_DAYS + " 至 " + MAX_DAYS + " 天之内（"
                    + today.plusDays(MIN_DAYS) + " 至 " + today.plusDays(MAX_DAYS) + "）/ the end date must lie "
                    + MIN_DAYS + " to " + MAX_DAYS + " days ahead");
        }
        plans.agree(planId, goals.trim(), indicator.trim(), target, blank(support) ? null : support.trim(), end, userId);
        archive.append(ArchiveEntry.of("PLAN_GOALS:" + planId, plan.personCode(), plan.quarter(), "IMPROVEMENT_PLAN",
                "改进目标已商定 Goals agreed: " + goals.trim() + "（" + indicator.trim() + " 目标 target "
                        + target.stripTrailingZeros().toPlainString() + "，截至 until " + end + "）"
                        + (blank(support) ? "" : "；支持 support: " + support.trim()),
                null, "improvement-plan", String.valueOf(planId), userId));
        return new Schedule(end, PlanDates.checkIns(today, end), PlanDates.assessments(today, end));
    }

    /** The person's ten-day check-in: the indicator's value so far and what was done. */
    @Transactional
    void checkIn(long planId, LocalDate dueDate, BigDecimal value, String comment, String userId) {
        requireRunning(planId);
        if (value == null) {
            throw new BadUserRequestException("请填写指标当前值 / the indicator's current value is required");
        }
        if (blank(comment)) {
            throw new BadUserRequestException("请说明本旬的进展 / describe this ten-day period's progress");
        }
        plans.addEntry(planId, ImprovementPlan.Entry.CHECK_IN, dueDate, value, null, comment.trim(), userId,
                calendar.now());
    }

    /** The head's monthly assessment: on track or behind, with a comment; archived. */
    @Transactional
    void assess(long planId, LocalDate dueDate, String verdict, String comment, String userId) {
        ImprovementPlan plan = requireRunning(planId);
        notThePerson(planId, userId);
        if (!"on_track".equals(verdict) && !"behind".equals(verdict)) {
            throw new BadUserRequestException("请选择评估结论：按计划进行或落后 / choose on track or behind");
        }
        if (blank(comment)) {
            throw new BadUserRequestException("请填写评估意见 / the assessment needs a comment");
        }
        plans.addEntry(planId, ImprovementPlan.Entry.ASSESSMENT, dueDate, null, verdict, comment.trim(), userId,
                calendar.now());
        archive.append(ArchiveEntry.of("PLAN_ASSESSMENT:" + planId + ":" + dueDate, plan.personCode(), plan.quarter(),
                "IMPROVEMENT_PLAN", "改进计划月度评估 Monthly assessment " + dueDate + "："
                        + ("on_track".equals(verdict) ? "按计划进行 on track" : "落后 behind") + "；" + comment.trim(),
                null, "improvement-plan", String.valueOf(planId), userId));
    }

    /** The head's result at the plan's date: achieved or failed, with a comment; archived. */
    @Transactional
    void close(long planId, String result, String comment, String userId) {
        ImprovementPlan plan = requireRunning(planId);
        notThePerson(planId, userId);
        if (!ImprovementPlan.ACHIEVED.equals(result) && !ImprovementPlan.FAILED.equals(result)) {
            throw new BadUserRequestException("请选择结果：达成或未达成 / choose achieved or failed");
        }
        if (blank(comment)) {
            throw new BadUserRequestException("请说明结果的依据 / the result needs a comment");
        }
        plans.close(planId, result, comment.trim(), userId, calendar.now());
        archive.append(ArchiveEntry.of("PLAN_END:" + planId, plan.personCode(), plan.quarter(), "IMPROVEMENT_PLAN",
                "改进计划结束 Plan ended: " + (ImprovementPlan.ACHIEVED.equals(result) ? "达成 achieved" : "未达成 failed")
                        + "；" + comment.trim(), null, "improvement-plan", String.valueOf(planId), userId));
    }

    /** Termination may be raised only after an improvement plan has failed (seed: 经改进指导仍无改善). */
    public boolean hasFailedPlan(String personCode) {
        return plans.hasFailed(personCode);
    }

    /** The person's plans, newest first, with check-ins and assessments. */
    public List<ImprovementPlan> plansOf(String personCode) {
        return plans.ofPerson(personCode);
    }

    Optional<ImprovementPlan> plan(long planId) {
        return plans.find(planId);
    }

    /**
     * The plans' history as the deciding forms show it (Json table): one row per plan, check-in,
     * assessment and result, the person by name, newest plan first.
     */
    List<Map<String, Object>> history(Collection<String> personCodes) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String code : personCodes) {
            String name = EvaluationLabels.named(organisation.findUnit(code).map(OrgUnit::name).orElse(null), code);
            for (ImprovementPlan p : plans.ofPerson(code)) {
                rows.add(row(name, p.startDate(), "改进计划 Plan（" + p.quarter() + " 警告）", p.goalsComment() == null
                        ? "目标待商定 goals not yet agreed" : p.goalsComment() + "；" + p.targetIndicator() + " 目标 "
                        + p.targetValue().stripTrailingZeros().toPlainString() + "，截至 " + p.endDate()));
                for (ImprovementPlan.Entry e : p.entries()) {
                    boolean checkIn = ImprovementPlan.Entry.CHECK_IN.equals(e.kind());
                    rows.add(row(name, e.dueDate(), checkIn ? "旬报 Check-in" : "月度评估 Assessment", checkIn
                            ? "当前值 " + e.value().stripTrailingZeros().toPlainString() + "；" + e.comment()
                            : ("on_track".equals(e.verdict()) ? "按计划进行" : "落后") + "；" + e.comment()));
                }
                if (p.closedAt() != null) {
                    rows.add(row(name, p.closedAt().atZone(calendar.zone()).toLocalDate(), "结果 Result",
                            (ImprovementPlan.ACHIEVED.equals(p.state()) ? "达成 achieved" : "未达成 failed") + "；"
                                    + p.resultComment()));
                }
            }
        }
        return rows;
    }

    private static Map<String, Object> row(String person, LocalDate date, String step, String detail) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("person", person);
        row.put("date", date.toString());
        row.put("step", step);
        row.put("detail", detail);
        return row;
    }

    /** Four eyes: goals, assessments and the result are the head's, never the person's own. */
    private void notThePerson(long planId, String userId) {
        if (userId != null && plans.personUserId(planId).filter(userId::equals).isPresent()) {
            throw new BadUserRequestException("本人不能商定或评估自己的改进计划 / the person cannot agree or assess "
                    + "their own plan");
        }
    }

    private ImprovementPlan require(long planId) {
        return plans.find(planId).orElseThrow(() -> new IllegalStateException("improvement plan " + planId + " not found"));
    }

    private ImprovementPlan requireRunning(long planId) {
        ImprovementPlan plan = require(planId);
        if (!ImprovementPlan.RUNNING.equals(plan.state())) {
            throw new BadUserRequestException("改进计划未在进行中（状态 " + plan.state() + "）/ the plan is not running");
        }
        return plan;
    }

    private static LocalDate date(String text) {
        if (blank(text)) {
            throw new BadUserRequestException("请填写计划结束日期 / the plan's end date is required");
        }
        try {
            return LocalDate.parse(text.trim().length() > 10 ? text.trim().substring(0, 10) : text.trim());
        } catch (DateTimeParseException e) {
            throw new BadUserRequestException("日期格式须为 YYYY-MM-DD / the date must be YYYY-MM-DD");
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
