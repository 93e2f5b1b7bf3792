package com.perftrack.evaluation;

import com.perftrack.archive.ArchiveEntry;
import com.perftrack.archive.ArchiveService;
import com.perftrack.calendar.BusinessCalendar;
import com.perftrack.calendar.Quarter;
import com.perftrack.organisation.OrgUnit;
import com.perftrack.organisation.OrganisationService;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appeals (异议/复核, SPEC.md section 3): opened by the person within the window after publication,
 * reviewed by HR with the department head; a change recomputes the quarter of the person's company,
 * so a corrected score can move the top-10% boundary for others too. Every step is archived.
 */
@Service
public class AppealService {

    public static final String UPHELD = "upheld";
    public static final String CHANGED = "changed";

    /** What the process needs after the start. */
    public record OpenedAppeal(long appealId, String personCode, String departmentHeadUserId, String personName,
            EvaluationView evaluation) {}

    private final AppealRepository appeals;
    private final EvaluationRepository evaluations;
    private final EvaluationCalculator calculator;
    private final OrganisationService organisation;
    private final ArchiveService archive;
    private final BusinessCalendar calendar;

    AppealService(AppealRepository appeals, EvaluationRepository evaluations, EvaluationCalculator calculator,
            OrganisationService organisation, ArchiveService archive, BusinessCalendar calendar) {
        this.appeals = appeals;
        this.evaluations = evaluations;
        this.calculator = calculator;
        this.organisation = organisation;
        this.archive = archive;
        this.calendar = calendar;
    }

    @Transactional
    public OpenedAppeal open(Quarter quarter, String userId, String reasons, String processInstanceId) {
        if (userId == null || userId.isBlank()) {
            throw new BadUserRequestException("申诉须由本人登录后提出 / an appeal is started by the signed-in person");
        }
        if (reasons == null || reasons.isBlank()) {
            throw new BadUserRequestException("请填写申诉理由 / the appeal needs reasons");
        }
        // the stored evaluation of the appellant's person unit, and the run of that person's company
        Optional<EvaluationView> stored = organisation.personsOfUser(userId).stream()
                .map(p -> evaluations.find(quarter.toString(), p.code())).flatMap(Optional::stream).findFirst();
        String company = stored.map(EvaluationView::companyCode).orElse(null);
        var run = evaluations.run(quarter.toString(), company).filter(r -> "published".equals(r.state()) && r.appealDeadline() != null)
                .orElseThrow(() -> new BadUserRequestException("季度 " + quarter + " 的考核结果尚未发布 / the results of "
                        + quarter + " are not published"));
        if (calendar.today().isAfter(run.appealDeadline())) {
            throw new BadUserRequestException("申诉期已于 " + run.appealDeadline() + " 结束 / the appeal window closed on "
                    + run.appealDeadline());
        }
        EvaluationView evaluation = stored
                .orElseThrow(() -> new BadUserRequestException("用户 " + userId + " 在 " + quarter + " 没有考核结果 / no "
                        + "evaluation of user " + userId + " in " + quarter));
        String head = opinionGiver(evaluation.personCode(), userId).orElse(null);
        long id = appeals.open(quarter.toString(), evaluation.personCode(), processInstanceId, userId, reasons.trim(),
                head, calendar.now());
        archive.append(ArchiveEntry.of("APPEAL_OPENED:" + id, evaluation.personCode(), quarter.toString(), "APPEAL",
                "提出申诉 Appeal opened: " + reasons.trim(), null, "appeal", String.valueOf(id), userId));
        String name = organisation.findUnit(evaluation.personCode()).map(OrgUnit::name).orElse(null);
        return new OpenedAppeal(id, evaluation.personCode(), head, EvaluationLabels.named(name, evaluation.personCode()),
                evaluation);
    }

    @Transactional
    public void recordOpinion(long appealId, String userId, String opinion) {
        var appeal = appeals.find(appealId);
        appeals.recordOpinion(appealId, userId, opinion);
        archive.append(ArchiveEntry.of("APPEAL_OPINION:" + appealId, appeal.personCode(), appeal.quarter(), "APPEAL",
                "部门负责人意见 Department head's opinion: " + opinion, null, "appeal", String.valueOf(appealId), userId));
    }

    @Transactional
    public void decide(long appealId, String decision, String reason, BigDecimal correctedScore, String correctedOutcome,
            String userId) {
        var appeal = appeals.find(appealId);
        appeals.decide(appealId, decision, reason, CHANGED.equals(decision) ? correctedScore : null,
                CHANGED.equals(decision) ? correctedOutcome : null, userId, calendar.now());
        String change = CHANGED.equals(decision) ? "改变 changed" + (correctedScore == null ? ""
                : "，更正得分 corrected score " + correctedScore.toPlainString())
                + (correctedOutcome == null ? "" : "，结果 outcome " + correctedOutcome) : "维持 upheld";
        archive.append(ArchiveEntry.of("APPEAL_DECISION:" + appealId, appeal.personCode(), appeal.quarter(), "APPEAL",
                "申诉复核结论 Appeal decision: " + change + "；理由 reason: " + reason, null, "appeal",
                String.valueOf(appealId), userId));
    }

    /**
     * Recomputes the quarter of the appellant's company with the corrected score, then every later
     * quarter of the company already stored, in order (issue 14): a corrected quarter changes the
     * streaks below target that later warnings and fines were counted from. People whose proposal
     * moves (including across the top-10% boundary) get the new outcome, state changed_on_appeal,
     * the outcome's sum by the amount rule, and a correction entry; everyone else keeps outcome,
     * state, sum and confirmation, with the streak brought up to date.
     */
    @Transactional
    public List<String> recompute(long appealId) {
        var appeal = appeals.find(appealId);
        Quarter quarter = Quarter.parse(appeal.quarter());
        EvaluationView appellant = evaluations.find(appeal.quarter(), appeal.personCode()).orElseThrow();
        Set<String> changed = new LinkedHashSet<>(recomputeQuarter(appeal, appealId, quarter, appellant.companyCode(), true));
        for (String later : evaluations.storedQuartersAfter(appellant.companyCode(), appeal.quarter())) {
            changed.addAll(recomputeQuarter(appeal, appealId, Quarter.parse(later), appellant.companyCode(), false));
        }
        return new ArrayList<>(changed);
    }

    private List<String> recomputeQuarter(AppealRepository.Appeal appeal, long appealId, Quarter quarter,
            String companyCode, boolean appealed) {
        String override = appeal.correctedOutcome() == null ? null : Outcomes.parse(appeal.correctedOutcome());
        boolean overrides = appealed && appeal.correctedOutcome() != null;
        List<String> changed = new ArrayList<>();
        for (EvaluationView computed : calculator.company(companyCode, quarter)) {
            var stored = evaluations.find(quarter.toString(), computed.personCode());
            boolean isAppellant = appealed && computed.personCode().equals(appeal.personCode());
            String outcome = isAppellant && overrides ? override : computed.proposedOutcome();
            boolean moved = stored.isEmpty() || isAppellant
                    || !Objects.equals(stored.get().proposedOutcome(), computed.proposedOutcome());
            if (!moved) {
                evaluations.save(computed.withOutcome(stored.get().outcome(), stored.get().state(),
                        stored.get().changeReason(), stored.get().amount(), stored.get().amountRule()), calendar.now());
                continue;
            }
            String reason = "申诉 #" + appealId + "：" + appeal.decisionReason();
            var money = calculator.money(computed.companyCode(), computed.peerGroup(), outcome);
            evaluations.save(computed.withOutcome(outcome, EvaluationView.CHANGED_ON_APPEAL, reason, money.amount(),
                    money.rule()), calendar.now());
            String before = stored.map(EvaluationView::outcome).orElse(null);
            String key = "APPEAL_RECOMPUTE:" + appealId + ":" + (appealed ? "" : quarter + ":") + computed.personCode();
            archive.append(ArchiveEntry.of(key, computed.personCode(), quarter.toString(), "CORRECTION",
                    "申诉后重新计算 Recomputed after appeal #" + appealId + (appealed ? "" : "（" + appeal.quarter()
                            + " 更正后的后续季度 a later quarter）") + "：得分 score " + (computed.score() == null ? "—"
                            : computed.score().toPlainString()) + "，连续未达标 quarters below "
                            + computed.consecutiveQuartersBelow() + "，结果 outcome " + EvaluationService.label(before)
                            + " → " + EvaluationService.label(outcome),
                    null, "appeal", String.valueOf(appealId), appeal.decidedBy()));
            changed.add(computed.personCode());
        }
        return changed;
    }

    /**
     * Who gives the department head's opinion: the manager of the first department above the person
     * (via regions), as the organisation file names it. Four eyes: when that manager is the appellant
     * (a department head's own appeal) the opinion goes one level up, to the next department's manager
     * or else the company's general manager. Without any department above, HR reviews alone.
     */
    Optional<String> opinionGiver(String personCode, String appellant) {
        Optional<OrgUnit> unit = organisation.findUnit(personCode);
        boolean skippedOwn = false;
        for (int depth = 0; unit.isPresent() && depth < 10; depth++) {
            OrgUnit u = unit.get();
            boolean hasUser = u.userId() != null && !u.userId().isBlank();
            if (OrgUnit.DEPARTMENT.equals(u.unitType()) && hasUser) {
                if (!u.userId().equals(appellant)) {
                    return Optional.of(u.userId());
                }
                skippedOwn = true;
            }
            if (OrgUnit.COMPANY.equals(u.unitType())) {
                return skippedOwn && hasUser && !u.userId().equals(appellant) ? Optional.of(u.userId()) : Optional.empty();
            }
            if (u.parentCode() == null) {
                return Optional.empty();
            }
            unit = organisation.findUnit(u.parentCode());
        }
        return Optional.empty();
    }
}
