package com.perftrack.evaluation;

import static com.perftrack.evaluation.CoachingVariables.*;

import com.perftrack.archive.ArchiveEntry;
import com.perftrack.archive.ArchiveService;
import com.perftrack.calendar.BusinessCalendar;
import com.perftrack.calendar.Period;
import com.perftrack.organisation.OrgUnit;
import com.perftrack.organisation.OrganisationService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Coaching talks (面谈反馈, issue 17; seed: 部门负责人应定期跟踪员工业绩，并提供支持和指导). For a month, every
 * person whose score that month is below target (SPEC.md section 4's rule over one month) gets one
 * {@code coaching-talk} for their manager (the head of the first department above them, else the general
 * manager): record strengths, gaps, agreed support and the next check date. The record goes to the
 * person's archive, where the person reads it.
 */
@Service
public class CoachingService {

    static final String PROCESS_KEY = "coaching-talk";
    /** The next check lies after today and at most this many days ahead. */
    static final int MAX_NEXT_CHECK_DAYS = 92;

    private static final Logger log = LoggerFactory.getLogger(CoachingService.class);

    /** A talk opened by {@link #open}: its person, month and manager. */
    public record Opened(long talkId, String personCode, String period, String managerUserId) {}

    private final CoachingRepository talks;
    private final EvaluationCalculator calculator;
    private final OrganisationService organisation;
    private final AppealService appeals;
    private final ArchiveService archive;
    private final BusinessCalendar calendar;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private final int daysToRecord;

    CoachingService(CoachingRepository talks, EvaluationCalculator calculator, OrganisationService organisation,
            AppealService appeals, ArchiveService archive, BusinessCalendar calendar, RuntimeService runtime,
            IdentityService identity, @Value("${ptc.coaching.days-to-record:10}") int daysToRecord) {
        this.identity = identity;
        this.talks = talks;
        this.calculator = calculator;
        this.organisation = organisation;
        this.appeals = appeals;
        this.archive = archive;
        this.calendar = calendar;
        this.runtime = runtime;
        this.daysToRecord = daysToRecord;
    }

    /**
     * Opens the month's talks of one company (null: every company) for the people below target that
     * month who have none yet; idempotent.
     */
    @Transactional
    public List<Opened> open(Period month, String companyCode) {
        List<OrgUnit> companies = companyCode == null ? organisation.companies()
                : organisation.findUnit(companyCode).filter(u -> OrgUnit.COMPANY.equals(u.unitType())).stream().toList();
        List<Opened> opened = new ArrayList<>();
        for (OrgUnit company : companies) {
            Map<String, QuarterScoring.PersonScore> scores = calculator.month(company.code(), month);
            for (var entry : scores.entrySet()) {
                if (entry.getValue().belowTarget() && talks.find(entry.getKey(), month.toString()).isEmpty()) {
                    openTalk(company.code(), entry.getKey(), month, entry.getValue()).ifPresent(opened::add);
                }
            }
        }
        return opened;
    }

    private Optional<Opened> openTalk(String companyCode, String personCode, Period month, QuarterScoring.PersonScore score) {
        OrgUnit person = organisation.findUnit(personCode).orElseThrow();
        Optional<String> manager = appeals.opinionGiver(personCode, person.userId())
                .or(() -> organisation.generalManagerUserId(companyCode));
        if (manager.isEmpty()) {
            log.warn("coaching talk {} {}: no department head or general manager above the person in the organisation "
                    + "file; no talk opened", personCode, month);
            return Optional.empty();
        }
        long id = talks.insert(personCode, companyCode, month.toString(), score.score(), manager.get(), calendar.now());
        var variables = Variables.createVariables();
        variables.putValue(TALK_ID.name(), id);
        variables.putValue(PERSON_CODE.name(), personCode);
        variables.putValue(PERSON_NAME.name(), EvaluationLabels.named(person.name(), person.code()));
        variables.putValue(PERIOD.name(), month.toString());
        variables.putValue(MANAGER_USER_ID.name(), manager.get());
        variables.putValue(SCORE_TEXT.name(), EvaluationLabels.percent(score.score()));
        variables.putValue(ATTAINMENTS_TEXT.name(), attainments(score));
        variables.putValue(DUE_DATE.name(), calendar.today().plusDays(daysToRecord).toString());
        variables.putValue("companyCode", companyCode); // the tenant: the company's people see the task
        // the application opens the talk, not the caller: nobody may start coaching-talk through the
        // engine's REST API with a manager of their choosing (no CREATE_INSTANCE for anyone)
        Authentication caller = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            var instance = runtime.startProcessInstanceByKey(PROCESS_KEY, month + ":" + personCode, variables);
            talks.assign(id, instance.getId());
        } finally {
            if (caller != null) {
                identity.setAuthentication(caller);
            }
        }
        return Optional.of(new Opened(id, personCode, month.toString(), manager.get()));
    }

    private static String attainments(QuarterScoring.PersonScore score) {
        return score.attainments().entrySet().stream()
                .map(e -> e.getKey() + " " + EvaluationLabels.percent(e.getValue()))
                .collect(Collectors.joining("，"));
    }

    /** The manager records the talk; everything is required, the next check date lies ahead. */
    @Transactional
    public void record(long talkId, String strengths, String gaps, String support, String nextCheck, String userId) {
        CoachingTalk talk = talks.find(talkId).orElseThrow(() ->
                new BadUserRequestException("没有这次面谈 / no coaching talk " + talkId));
        if (!CoachingTalk.OPEN.equals(talk.state())) {
            throw new BadUserRequestException("这次面谈已经记录 / this coaching talk is already recorded");
        }
        OrgUnit person = organisation.findUnit(talk.personCode()).orElseThrow();
        if (userId != null && userId.equals(person.userId())) {
            throw new BadUserRequestException("不能记录自己的面谈 / you cannot record your own coaching talk");
        }
        List<String> problems = new ArrayList<>();
        String s = required(strengths, "优点 strengths", problems);
        String g = required(gaps, "差距 gaps", problems);
        String p = required(support, "商定的支持 agreed support", problems);
        LocalDate today = calendar.today();
        LocalDate next = null;
        try {
            next = nextCheck == null || nextCheck.isBlank() ? null : LocalDate.parse(nextCheck.trim());
        } catch (DateTimeParseException e) {
            problems.add("下次跟进日期须为 YYYY-MM-DD / the next check date must be YYYY-MM-DD");
        }
        if (next == null && problems.stream().noneMatch(x -> x.startsWith("下次"))) {
            problems.add("请填写下次跟进日期 / the next check date is required");
        } else if (next != null && (!next.isAfter(today) || next.isAfter(today.plusDays(MAX_NEXT_CHECK_DAYS)))) {
            problems.add("下次跟进日期须在明天至 " + today.plusDays(MAX_NEXT_CHECK_DAYS) + " 之间 / the next check date must lie "
                    + "between tomorrow and " + MAX_NEXT_CHECK_DAYS + " days ahead");
        }
        if (!problems.isEmpty()) {
            throw new BadUserRequestException(String.join("；", problems));
        }
        talks.record(talkId, s, g, p, next, userId, calendar.now());
        archive.append(ArchiveEntry.of("COACHING:" + talkId, talk.personCode(), talk.period(), "COACHING",
                "面谈反馈 Coaching talk " + talk.period() + "（当月得分 score "
                        + (talk.score() == null ? "—" : EvaluationLabels.percent(talk.score())) + "）：优点 strengths: " + s
                        + "；差距 gaps: " + g + "；商定的支持 agreed support: " + p + "；下次跟进 next check: " + next,
                null, PROCESS_KEY, String.valueOf(talkId), userId));
    }

    private static String required(String text, String label, List<String> problems) {
        if (text == null || text.isBlank()) {
            problems.add("请填写" + label + " / " + label.replaceAll("^\\S+ ", "") + " is required");
            return null;
        }
        if (text.trim().length() > 2000) {
            problems.add(label + "最多 2000 字 / " + label.replaceAll("^\\S+ ", "") + ": at most 2000 characters");
            return null;
        }
        return text.trim();
    }

    public List<CoachingView> ofPeriod(String companyCode, String period) {
        return talks.ofPeriod(companyCode, period).stream().map(CoachingView::of).toList();
    }

    public List<CoachingView> ofPerson(String personCode) {
        return talks.ofPerson(personCode).stream().map(CoachingView::of).toList();
    }

    Optional<CoachingTalk> find(long talkId) {
        return talks.find(talkId);
    }

    /** A talk as the API shows it. */
    public record CoachingView(long id, String personCode, String companyCode, String period, BigDecimal score,
            String managerUserId, String state, String strengths, String gaps, String support, LocalDate nextCheckDate,
            String recordedBy) {
        static CoachingView of(CoachingTalk t) {
            return new CoachingView(t.id(), t.personCode(), t.companyCode(), t.period(), t.score(), t.managerUserId(),
                    t.state(), t.strengths(), t.gaps(), t.support(), t.nextCheckDate(), t.recordedBy());
        }
    }
}
