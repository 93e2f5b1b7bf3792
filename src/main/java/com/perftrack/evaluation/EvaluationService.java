package com.perftrack.evaluation;

import com.perftrack.archive.ArchiveEntry;
import com.perftrack.archive.ArchiveService;
import com.perftrack.calendar.BusinessCalendar;
import com.perftrack.calendar.Quarter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The quarterly evaluation's business side: one run per company and quarter, proposals stored per person,
 * HR changes with a reason, publication (only with the confirming HR user, and the general
 * manager for fines and demotion/transfer reviews), and the archive entries of each step. A confirmed
 * WARNING is published as {@link WarningConfirmed}: it starts the person's improvement plan.
 */
@Service
public class EvaluationService {

    private final EvaluationCalculator calculator;
    private final EvaluationRepository repository;
    private final ArchiveService archive;
    private final BusinessCalendar calendar;
    private final EvaluationSettings settings;
    private final RuntimeService runtimeService;
    private final ApplicationEventPublisher events;

    EvaluationService(EvaluationCalculator calculator, EvaluationRepository repository, ArchiveService archive,
            BusinessCalendar calendar, EvaluationSettings settings, RuntimeService runtimeService,
            ApplicationEventPublisher events) {
        this.calculator = calculator;
        this.repository = repository;
        this.archive = archive;
        this.calendar = calendar;
        this.settings = settings;
        this.runtimeService = runtimeService;
        this.events = events;
    }

    /** Every company's run at once (legacy, and tests that do not care about companies). */
    public void registerRun(Quarter quarter, String processInstanceId) {
        registerRun(quarter, null, processInstanceId);
    }

    /**
     * One evaluation per company and quarter ({@code companyCode} null: one over every company): a
     * second start is refused unless the first was cancelled before publication.
     */
    @Transactional
    public void registerRun(Quarter quarter, String companyCode, String processInstanceId) {
        if (quarter.months().get(0).compareTo(calendar.currentPeriod()) > 0) {
            throw new BadUserRequestException("季度 " + quarter + " 尚未开始 / quarter " + quarter + " lies in the future");
        }
        var existing = repository.run(quarter.toString(), companyCode);
        if (existing.isPresent()) {
            boolean stillRunning = runtimeService.createProcessInstanceQuery()
                    .processInstanceId(existing.get().processInstanceId()).count() > 0;
            if (stillRunning || "published".equals(existing.get().state())) {
                String of = companyCode == null ? "" : "（公司 " + companyCode + "）";
                throw new BadUserRequestException("季度 " + quarter + of + " 的考核已存在（流程实例 "
                        + existing.get().processInstanceId() + "），不能重复开启。/ The evaluation of " + quarter
                        + (companyCode == null ? "" : " for company " + companyCode) + " already exists.");
            }
        }
        if (existing.isPresent() && Objects.equals(existing.get().companyCode(),
                companyCode == null ? EvaluationRepository.ALL_COMPANIES : companyCode)) {
            repository.reassignRun(quarter.toString(), companyCode, processInstanceId, calendar.now());
        } else {
            repository.insertRun(quarter.toString(), companyCode, processInstanceId, calendar.now());
        }
    }

    /** Whether the company's quarter (null: every company's) runs or has been published. */
    public boolean isOpenOrDone(Quarter quarter, String companyCode) {
        var existing = repository.run(quarter.toString(), companyCode);
        return existing.isPresent() && ("published".equals(existing.get().state())
                || runtimeService.createProcessInstanceQuery().processInstanceId(existing.get().processInstanceId())
                        .count() > 0);
    }

    /** Computes every company's quarter and stores the proposals; confirmed rows are left as they are. */
    public List<EvaluationView> evaluate(Quarter quarter) {
        return evaluate(quarter, null);
    }

    /** Computes one company's quarter (null: every company's) and stores the proposals; confirmed rows stay. */
    @Transactional
    public List<EvaluationView> evaluate(Quarter quarter, String companyCode) {
        List<EvaluationView> computedRows = companyCode == null ? calculator.quarter(quarter)
                : calculator.company(companyCode, quarter);
        for (EvaluationView computed : computedRows) {
            var stored = repository.find(computed.quarter(), computed.personCode());
            if (stored.isEmpty() || EvaluationView.PROPOSED.equals(stored.get().state())) {
                repository.save(computed, calendar.now());
            }
        }
        return rows(quarter, companyCode);
    }

    List<EvaluationView> rows(Quarter quarter, String companyCode) {
        return companyCode == null ? repository.ofQuarter(quarter.toString())
                : repository.ofCompany(companyCode, quarter.toString());
    }

    /**
     * One row per person (SPEC.md section 6): a company's stored quarter where it has been evaluated,
     * and what the evaluation would propose (state proposed) for a company that has not, such as
     * one imported after the quarter's run. Deciding per company, not per quarter, keeps such a
     * company's people from vanishing once any other company's quarter is stored.
     */
    public List<EvaluationView> results(Quarter quarter) {
        List<EvaluationView> stored = repository.ofQuarter(quarter.toString());
        return withUnevaluatedCompanies(stored, except -> calculator.quarter(quarter, except));
    }

    static List<EvaluationView> withUnevaluatedCompanies(List<EvaluationView> stored,
            Function<Set<String>, List<EvaluationView>> onTheFlyExcept) {
        Set<String> evaluated = new HashSet<>();
        stored.forEach(e -> evaluated.add(e.companyCode()));
        List<EvaluationView> all = new ArrayList<>(stored);
        all.addAll(onTheFlyExcept.apply(evaluated));
        return all;
    }

    /** HR changes one proposal before confirming; a reason is mandatory and recorded. */
    public EvaluationView changeOutcome(Quarter quarter, String personCode, String outcome, String reason,
            String userId) {
        return changeOutcome(quarter, null, personCode, outcome, reason, userId);
    }

    /** As above, for a person of that company only (null: any): one company's HR changes its own people. */
    public EvaluationView changeOutcome(Quarter quarter, String companyCode, String personCode, String outcome,
            String reason, String userId) {
        return changeProposal(quarter, companyCode, personCode, outcome, null, reason, userId);
    }

    /** The largest sum HR may enter (CNY): a typing slip of a few zeros is refused, not paid. */
    static final BigDecimal MAX_AMOUNT = new BigDecimal("10000000");

    /**
     * HR changes one proposal before confirming, with a mandatory reason: its outcome, and the sum of
     * a bonus or fine ({@code amount} null: the rule of reward-penalty-amount gives it for the outcome).
     */
    @Transactional
    public EvaluationView changeProposal(Quarter quarter, String companyCode, String personCode, String outcome,
            BigDecimal amount, String reason, String userId) {
        if (reason == null || reason.isBlank()) {
            throw new BadUserRequestException("修改建议必须填写理由 / a change needs a reason");
        }
        String parsed;
        try {
            parsed = Outcomes.parse(outcome);
        } catch (IllegalArgumentException e) {
            throw new BadUserRequestException(e.getMessage());
        }
        EvaluationView row = requireEvaluated(quarter, companyCode, personCode);
        if (!EvaluationView.PROPOSED.equals(row.state())) {
            throw new BadUserRequestException("结果已确认，只能通过申诉修改 / already confirmed; only an appeal changes it");
        }
        if (amount != null && !Outcomes.BONUS.equals(parsed) && !Outcomes.FINE.equals(parsed)) {
            throw new BadUserRequestException("只有奖金（BONUS）和罚款（FINE）有金额 / only a bonus or a fine has a sum");
        }
        if (amount != null && (amount.signum() < 0 || amount.compareTo(MAX_AMOUNT) > 0 || amount.stripTrailingZeros().scale() > 2)) {
            throw new BadUserRequestException("金额须在 0 至 10,000,000 元之间，最多两位小数 / the sum must be 0 to "
                    + "10,000,000 CNY with at most two decimals");
        }
        repository.changeOutcome(quarter.toString(), personCode, parsed, reason.trim(), userId, calendar.now());
        if (amount != null) {
            repository.setAmount(quarter.toString(), personCode, OutcomeRules.cents(amount), OutcomeRules.HR, userId,
                    calendar.now());
        } else if (!Objects.equals(parsed, row.outcome())) {
            var money = calculator.money(row.companyCode(), row.peerGroup(), parsed);
            repository.setAmount(quarter.toString(), personCode, money.amount(), money.rule(), null, calendar.now());
        }
        archive.append(ArchiveEntry.of("EVAL_HR_CHANGE:" + quarter + ":" + personCode + ":" + calendar.now().toEpochMilli(),
                personCode, quarter.toString(), "CORRECTION", "人力资源部修改奖罚建议 HR changed the proposal: "
                        + label(row.outcome()) + " → " + label(parsed) + (amount == null ? ""
                        : "，金额 sum " + EvaluationLabels.money(OutcomeRules.cents(amount))) + "；理由 reason: " + reason.trim(),
                null, "evaluation", quarter.toString(), userId));
        return repository.find(quarter.toString(), personCode).orElseThrow();
    }

    /** The person's row of the company's quarter, else a refusal naming the unknown code. */
    EvaluationView requireEvaluated(Quarter quarter, String companyCode, String personCode) {
        return repository.find(quarter.toString(), personCode)
                .filter(e -> companyCode == null || companyCode.equals(e.companyCode())).orElseThrow(() ->
                new BadUserRequestException("人员 " + personCode + " 在 " + quarter + " 没有考核结果。/ No evaluation of "
                        + personCode + " in " + quarter + "."));
    }

    public boolean needsGeneralManager(Quarter quarter) {
        return needsGeneralManager(quarter, null);
    }

    public boolean needsGeneralManager(Quarter quarter, String companyCode) {
        return rows(quarter, companyCode).stream()
                .anyMatch(e -> EvaluationView.PROPOSED.equals(e.state()) && Outcomes.needsGeneralManager(e.outcome()));
    }

    /**
     * Publishes the quarter: every proposal becomes confirmed, naming the HR user who confirmed it
     * and, for fines and demotion/transfer reviews, the general manager who approved it.
     */
    public void publish(Quarter quarter, String confirmedBy, String approvedBy) {
        publish(quarter, null, confirmedBy, approvedBy);
    }

    /** Publishes one company's quarter (null: every company's). */
    @Transactional
    public void publish(Quarter quarter, String companyCode, String confirmedBy, String approvedBy) {
        if (confirmedBy == null || confirmedBy.isBlank()) {
            throw new IllegalStateException("没有人力资源部确认，不能发布 / nothing is published without HR's confirmation");
        }
        List<EvaluationView> rows = rows(quarter, companyCode);
        boolean gmNeeded = rows.stream().anyMatch(e -> EvaluationView.PROPOSED.equals(e.state())
                && Outcomes.needsGeneralManager(e.outcome()));
        if (gmNeeded && (approvedBy == null || approvedBy.isBlank())) {
            throw new IllegalStateException("罚款、降级/调岗评审须经总经理批准 / fines and demotion reviews need the general manager");
        }
        List<RecognitionService.Honour> bonuses = new ArrayList<>();
        for (EvaluationView e : rows) {
            if (!EvaluationView.PROPOSED.equals(e.state())) {
                continue;
            }
            if (Outcomes.BONUS.equals(e.outcome())) {
                bonuses.add(new RecognitionService.Honour(e.personCode(), "季度奖金 Quarterly bonus " + quarter,
                        "得分 score " + EvaluationLabels.percent(e.score()) + "，排名 rank " + EvaluationLabels.rank(e)));
            }
            String approver = Outcomes.needsGeneralManager(e.outcome()) ? approvedBy : null;
            repository.confirm(quarter.toString(), e.personCode(), confirmedBy, approver, calendar.now());
            archive.append(ArchiveEntry.of("EVAL_SCORE:" + quarter + ":" + e.personCode(), e.personCode(),
                    quarter.toString(), "SCORE", "季度得分 Score " + (e.score() == null ? "—（无数据 no data）"
                            : e.score().toPlainString()) + "，排名 rank " + (e.rank() == null ? "—" : e.rank() + "/"
                            + e.peerGroupSize()) + "，连续未达标 quarters below " + e.consecutiveQuartersBelow(),
                    detailsJson(e), "evaluation", quarter.toString(), confirmedBy));
            if (e.outcome() != null) {
                archive.append(ArchiveEntry.of("EVAL_OUTCOME:" + quarter + ":" + e.personCode(), e.personCode(),
                        quarter.toString(), Outcomes.BONUS.equals(e.outcome()) ? "REWARD" : "PENALTY",
                        label(e.outcome()) + (e.amount() == null ? "" : "，金额 sum " + EvaluationLabels.money(e.amount()))
                                + (e.guidance() == null ? "" : "；" + e.guidance()), null, "evaluation",
                        quarter.toString(), approver != null ? approver : confirmedBy));
            }
            if (Outcomes.WARNING.equals(e.outcome())) {
                // the warning's improvement guidance becomes a tracked plan (issue 17), in this transaction
                events.publishEvent(new WarningConfirmed(quarter, e.personCode(), e.companyCode()));
            }
        }
        // the quarter's bonus people are recognised in public (issue 17), in this transaction
        events.publishEvent(new Recognised(RecognitionService.QUARTER_BONUS, quarter.toString(),
                quarter + " 季度奖金 quarterly bonuses", bonuses));
        // the weights this quarter is confirmed with stay its weights (SPEC.md section 7)
        rows.stream().map(e -> List.of(e.companyCode(), e.peerGroup())).distinct().forEach(k -> repository
                .keepWeightsUsed(k.get(0), quarter.toString(), k.get(1), calculator.weights(k.get(0), quarter, k.get(1))));
        repository.publishRun(quarter.toString(), companyCode, calendar.now(),
                calendar.today().plusDays(settings.appealWindowDays()), confirmedBy, approvedBy);
    }

    /** Recognition in public of people an approved decision honours (annual awards). */
    void announce(Recognised recognised) {
        events.publishEvent(recognised);
    }

    /** Records a human decision (termination, annual award) in the person's archive. */
    public void recordDecision(String key, String personCode, Quarter quarter, String entryType, String summary,
            String userId) {
        archive.append(ArchiveEntry.of(key, personCode, quarter.toString(), entryType, summary, null, "evaluation",
                quarter.toString(), userId));
    }

    public List<EvaluationView> ofYear(int year) {
        List<EvaluationView> all = new ArrayList<>();
        for (int q = 1; q <= 4; q++) {
            all.addAll(repository.ofQuarter(new Quarter(year, q).toString()));
        }
        return all;
    }

    /** HR sets the company's base for a role ("*": every role) that "share" rules multiply (issue 14). */
    @Transactional
    public void setRewardBase(String companyCode, String peerGroup, BigDecimal baseAmount, String userId) {
        repository.saveRewardBase(companyCode, peerGroup, baseAmount, userId, calendar.now());
    }

    /** Every evaluated person's year: the mean of their scored quarters, ranked in company and role ({@link AnnualScores}). */
    public List<AnnualView> annual(int year) {
        return AnnualScores.of(year, ofYear(year));
    }

    static String label(String outcome) {
        return outcome == null ? "无 none" : outcome;
    }

    private static String detailsJson(EvaluationView e) {
        return "{\"attainments\":" + e.attainments().entrySet().stream()
                .map(a -> "\"" + a.getKey() + "\":" + a.getValue().toPlainString())
                .reduce((a, b) -> a + "," + b).map(s -> "{" + s + "}").orElse("{}")
                + ",\"dataGaps\":" + e.dataGaps().stream().map(g -> "\"" + g + "\"")
                .reduce((a, b) -> a + "," + b).map(s -> "[" + s + "]").orElse("[]") + "}";
    }
}
