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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 360° feedback (issue 17, SPEC.md section 7): HR opens one round per company and quarter; every
 * rater of every person (see {@link FeedbackRaters}) scores 1..5 on the seed's four dimensions; at the
 * deadline, or when everyone answered, the round closes with the answers it has: each person's mean
 * ({@link FeedbackMeans}) is stored, archived and written as the figure {@code FEEDBACK_360} of the
 * quarter's last month, where it counts in scores only when a weight set gives it a weight.
 */
@Service
class Feedback360Service {

    /** A round runs at least one day and at most two months. */
    static final int DEFAULT_DAYS = 14;
    static final int MAX_DAYS = 60;
    static final String PROCESS_KEY = "feedback-360";

    record Registered(long roundId, LocalDate deadline) {}

    /** What the rater's task shows and who gets it. */
    record RatingTask(String raterUserId, String personName, String raterTypeLabel, boolean answered) {}

    private final Feedback360Repository rounds;
    private final OrganisationService organisation;
    private final ArchiveService archive;
    private final BusinessCalendar calendar;
    private final Feedback360Figures figures;
    private final org.camunda.bpm.engine.RuntimeService runtime;

    Feedback360Service(Feedback360Repository rounds, OrganisationService organisation, ArchiveService archive,
            BusinessCalendar calendar, Feedback360Figures figures, org.camunda.bpm.engine.RuntimeService runtime) {
        this.runtime = runtime;
        this.rounds = rounds;
        this.organisation = organisation;
        this.archive = archive;
        this.calendar = calendar;
        this.figures = figures;
    }

    /**
     * HR's start: one round per company and quarter; the persons (blank = every tracked person of the
     * company) must be the company's; the deadline 1 to 60 days ahead (blank = 14 days). A refusal
     * starts nothing.
     */
    @Transactional
    Registered register(Quarter quarter, String companyCode, String personCodes, String deadline, String userId) {
        if (companyCode == null || organisation.findUnit(companyCode).filter(u -> OrgUnit.COMPANY.equals(u.unitType()))
                .isEmpty()) {
            throw new BadUserRequestException("没有公司 " + companyCode + "，请以 companyCode 指明公司 / no company '"
                    + companyCode + "'");
        }
        var existing = rounds.round(companyCode, quarter.toString());
        if (existing.isPresent() && abandoned(existing.get())) {
            // its instance was cancelled (Cockpit) before it closed: the quarter may have its round after all
            rounds.deleteRound(existing.get().id());
            existing = java.util.Optional.empty();
        }
        if (existing.isPresent()) {
            throw new BadUserRequestException("公司 " + companyCode + " 的 " + quarter + " 360度反馈已开启过，每季度一轮 / the "
                    + "360° feedback round of " + quarter + " for " + companyCode + " has already been opened");
        }
        persons(companyCode, personCodes);
        LocalDate today = calendar.today();
        LocalDate until = blank(deadline) ? today.plusDays(DEFAULT_DAYS) : date(deadline);
        if (!until.isAfter(today) || until.isAfter(today.plusDays(MAX_DAYS))) {
            throw new BadUserRequestException("截止日期须在明天至 " + MAX_DAYS + " 天之内（" + today.plusDays(1) + " 至 "
                    + today.plusDays(MAX_DAYS) + "）/ the deadline must lie 1 to " + MAX_DAYS + " days ahead");
        }
        return new Registered(rounds.insertRound(companyCode, quarter.toString(), until, userId, calendar.now()), until);
    }

    /** An open round whose process instance no longer runs (looked up as the application, not the caller). */
    private boolean abandoned(Feedback360Repository.Round round) {
        if (!"open".equals(round.state())) {
            return false;
        }
        String instance = rounds.processInstanceId(round.id());
        return instance != null && runtime.createProcessInstanceQuery().processInstanceId(instance).count() == 0;
    }

    LocalDate today() {
        return calendar.today();
    }

    void assign(long roundId, String processInstanceId) {
        rounds.assign(roundId, processInstanceId);
    }

    /** One rating per person and rater, from the organisation tree; returns the ratings' ids (one task each). */
    @Transactional
    List<String> open(long roundId, String personCodes) {
        var round = require(roundId);
        List<OrgUnit> units = organisation.allUnits().stream()
                .filter(u -> round.companyCode().equals(u.companyCode())).toList();
        for (OrgUnit person : persons(round.companyCode(), personCodes)) {
            for (var rater : FeedbackRaters.of(person, units)) {
                rounds.addRating(roundId, person.code(), rater.userId(), rater.type());
            }
        }
        // ids as texts, as the model's other date and id lists: a plain Json list of strings in the engine
        return rounds.ratings(roundId).stream().map(r -> String.valueOf(r.id())).toList();
    }

    RatingTask task(long ratingId) {
        var rating = rating(ratingId);
        String name = organisation.findUnit(rating.personCode()).map(OrgUnit::name).orElse(null);
        return new RatingTask(rating.raterUserId(), EvaluationLabels.named(name, rating.personCode()),
                FeedbackRaters.label(rating.raterType()), rating.answered());
    }

    /** The rater's answer: four whole numbers 1..5 and an optional comment; only the assigned rater, only while open. */
    @Transactional
    void rate(long ratingId, Object duty, Object goals, Object teamwork, Object contribution, String comment,
            String userId) {
        var rating = rating(ratingId);
        if (!require(rating.roundId()).open()) {
            throw new BadUserRequestException("本轮360度反馈已结束 / this 360° feedback round is closed");
        }
        if (userId != null && !userId.equals(rating.raterUserId())) {
            throw new BadUserRequestException("只有被指派的评价人可以提交此评分 / only the assigned rater may submit this rating");
        }
        if (comment != null && comment.length() > 2000) {
            throw new BadUserRequestException("评语最多 2000 字 / the comment may have at most 2000 characters");
        }
        rounds.rate(ratingId, score(duty, "工作职责 duty"), score(goals, "目标完成 goals"),
                score(teamwork, "团队协作 teamwork"), score(contribution, "对公司贡献 contribution"),
                blank(comment) ? null : comment.trim(), calendar.now());
    }

    /** @return the rater to remind, or null when they have answered */
    String toRemind(long ratingId) {
        var rating = rating(ratingId);
        return rating.answered() ? null : rating.raterUserId();
    }

    /**
     * Closes the round with the answers it has (idempotent): per person the means, stored, archived and
     * written as {@code FEEDBACK_360} of the quarter's last month. People nobody rated get no figure.
     */
    @Transactional
    Map<String, BigDecimal> close(long roundId) {
        var round = require(roundId);
        Quarter quarter = Quarter.parse(round.quarter());
        Map<String, List<FeedbackMeans.Answer>> answers = answersByPerson(roundId);
        Map<String, BigDecimal> means = new LinkedHashMap<>();
        answers.forEach((person, list) -> {
            var m = FeedbackMeans.of(list);
            means.put(person, m.mean());
            rounds.saveResult(roundId, person, m.mean(), m.raters());
            archive.append(ArchiveEntry.of("FEEDBACK_360:" + roundId + ":" + person, person, quarter.toString(),
                    "FEEDBACK_360", "360度反馈 " + quarter + "：均值 " + m.mean().stripTrailingZeros().toPlainString()
                            + "（" + m.raters() + " 位评价人）/ 360° feedback mean of " + m.raters() + " raters",
                    null, PROCESS_KEY, String.valueOf(roundId), null));
        });
        String lastMonth = quarter.months().get(2).toString();
        figures.record(lastMonth, means, PROCESS_KEY + " round " + roundId);
        rounds.close(roundId, calendar.now());
        return means;
    }

    /** The closed rounds' results of the quarter (optionally one company), one row per person rated. */
    List<Feedback360View> results(Quarter quarter, String companyCode) {
        List<Feedback360View> rows = new ArrayList<>();
        for (var round : rounds.closedRounds(quarter.toString())) {
            if (companyCode != null && !companyCode.equals(round.companyCode())) {
                continue;
            }
            answersByPerson(round.id()).forEach((person, list) -> {
                var m = FeedbackMeans.of(list);
                String name = organisation.findUnit(person).map(OrgUnit::name).orElse(person);
                rows.add(new Feedback360View(round.quarter(), round.companyCode(), person, name, m.mean(), m.raters(),
                        m.byType(), m.byDimension()));
            });
        }
        return rows;
    }

    private Map<String, List<FeedbackMeans.Answer>> answersByPerson(long roundId) {
        Map<String, List<FeedbackMeans.Answer>> byPerson = new LinkedHashMap<>();
        for (var rating : rounds.ratings(roundId)) {
            if (rating.answered()) {
                byPerson.computeIfAbsent(rating.personCode(), p -> new ArrayList<>()).add(rating.answer());
            }
        }
        return byPerson;
    }

    private List<OrgUnit> persons(String companyCode, String personCodes) {
        if (blank(personCodes)) {
            return organisation.units(companyCode, OrgUnit.PERSON);
        }
        List<OrgUnit> persons = new ArrayList<>();
        for (String code : Arrays.stream(personCodes.split("[,，;\\s]+")).filter(c -> !c.isBlank()).distinct().toList()) {
            persons.add(organisation.findUnit(code).filter(OrgUnit::isPerson)
                    .filter(u -> companyCode.equals(u.companyCode()))
                    .orElseThrow(() -> new BadUserRequestException("公司 " + companyCode + " 没有人员 " + code
                            + "，请核对员工编码 / no person '" + code + "' in company " + companyCode)));
        }
        return persons;
    }

    static int score(Object value, String dimension) {
        BigDecimal number;
        try {
            number = value == null || value.toString().isBlank() ? null : new BigDecimal(value.toString().trim());
        } catch (NumberFormatException e) {
            number = null;
        }
        if (number == null || number.stripTrailingZeros().scale() > 0 || number.compareTo(BigDecimal.ONE) < 0
                || number.compareTo(BigDecimal.valueOf(5)) > 0) {
            throw new BadUserRequestException("“" + dimension + "”的评分须为 1 至 5 的整数 / the score for " + dimension
                    + " must be a whole number from 1 to 5");
        }
        return number.intValueExact();
    }

    private Feedback360Repository.Rating rating(long ratingId) {
        return rounds.rating(ratingId).orElseThrow(() -> new IllegalStateException("feedback rating " + ratingId
                + " not found"));
    }

    private Feedback360Repository.Round require(long roundId) {
        return rounds.round(roundId).orElseThrow(() -> new IllegalStateException("feedback round " + roundId
                + " not found"));
    }

    private static LocalDate date(String text) {
        try {
            String t = text.trim();
            return LocalDate.parse(t.length() > 10 ? t.substring(0, 10) : t);
        } catch (DateTimeParseException e) {
            throw new BadUserRequestException("日期格式须为 YYYY-MM-DD / the date must be YYYY-MM-DD");
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
