package com.perftrack.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tables {@code evaluation_run}, {@code evaluation} and {@code evaluation_appeal}. */
@Repository
class EvaluationRepository {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "quarter, person_code, company_code, peer_group, score, rank_in_group, "
            + "peer_group_size, below_target, consecutive_below, outcome, proposed_outcome, state, guidance, details, "
            + "change_reason, confirmed_by, approved_by, amount, amount_rule";

    record Run(String quarter, String processInstanceId, String state, LocalDate appealDeadline, String companyCode) {}

    record Details(Map<String, BigDecimal> attainments, List<String> dataGaps) {}

    private final JdbcClient jdbc;

    EvaluationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every company's run of one quarter: '*' for a run over all companies. */
    static final String ALL_COMPANIES = "*";

    /** The company's run of the quarter, or the run over all companies when there is one. */
    Optional<Run> run(String quarter, String companyCode) {
        return jdbc.sql("select quarter, process_instance_id, state, appeal_deadline, company_code from evaluation_run "
                        + "where quarter = ? and company_code in (?, '*') order by case when company_code = '*' then 1 else 0 end")
                .params(quarter, companyCode(companyCode))
                .query((rs, n) -> new Run(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getString(5))).list().stream().findFirst();
    }

    void insertRun(String quarter, String companyCode, String processInstanceId, Instant now) {
        jdbc.sql("insert into evaluation_run (quarter, company_code, process_instance_id, state, started_at) "
                        + "values (?, ?, ?, 'open', ?)")
                .params(quarter, companyCode(companyCode), processInstanceId, Timestamp.from(now)).update();
    }

    void reassignRun(String quarter, String companyCode, String processInstanceId, Instant now) {
        jdbc.sql("update evaluation_run set process_instance_id = ?, started_at = ?, state = 'open' "
                        + "where quarter = ? and company_code = ?")
                .params(processInstanceId, Timestamp.from(now), quarter, companyCode(companyCode)).update();
    }

    void publishRun(String quarter, String companyCode, Instant now, LocalDate appealDeadline, String confirmedBy,
            String approvedBy) {
        jdbc.sql("update evaluation_run set state = 'published', published_at = ?, appeal_deadline = ?, "
                        + "confirmed_by = ?, approved_by = ? where quarter = ? and company_code = ?")
                .params(Timestamp.from(now), appealDeadline, confirmedBy, approvedBy, quarter, companyCode(companyCode))
                .update();
    }

    private static String companyCode(String companyCode) {
        return companyCode == null ? ALL_COMPANIES : companyCode;
    }

    List<EvaluationView> ofQuarter(String quarter) {
        return jdbc.sql("select " + COLUMNS + " from evaluation where quarter = ? order by company_code, peer_group, "
                + "person_code").param(quarter).query(this::row).list();
    }

    List<EvaluationView> ofCompany(String companyCode, String quarter) {
        return jdbc.sql("select " + COLUMNS + " from evaluation where company_code = ? and quarter = ? "
                + "order by peer_group, person_code").params(companyCode, quarter).query(this::row).list();
    }

    Optional<EvaluationView> find(String quarter, String personCode) {
        return jdbc.sql("select " + COLUMNS + " from evaluation where quarter = ? and person_code = ?")
                .params(quarter, personCode).query(this::row).optional();
    }

    /** The company's stored quarters after the given one, oldest first (quarters sort as text). */
    List<String> storedQuartersAfter(String companyCode, String quarter) {
        return jdbc.sql("select distinct quarter from evaluation where company_code = ? and quarter > ? order by quarter")
                .params(companyCode, quarter).query(String.class).list();
    }

    /** The latest stored quarter of the company before the given one (quarters sort as text). */
    Optional<String> latestQuarterBefore(String companyCode, String quarter) {
        return jdbc.sql("select max(quarter) from evaluation where company_code = ? and quarter < ?")
                .params(companyCode, quarter).query(String.class).optional();
    }

    Map<String, Integer> streaks(String companyCode, String quarter) {
        Map<String, Integer> streaks = new HashMap<>();
        jdbc.sql("select person_code, consecutive_below from evaluation where company_code = ? and quarter = ?")
                .params(companyCode, quarter).query(rs -> {
                    streaks.put(rs.getString(1), rs.getInt(2));
                });
        return streaks;
    }

    /** Scores corrected on appeal: the latest decision per person wins. */
    Map<String, BigDecimal> scoreCorrections(String quarter) {
        Map<String, BigDecimal> corrections = new HashMap<>();
        jdbc.sql("select person_code, corrected_score from evaluation_appeal where quarter = ? and decision = 'changed' "
                        + "and corrected_score is not null order by decided_at, id")
                .param(quarter).query(rs -> {
                    corrections.put(rs.getString(1), rs.getBigDecimal(2));
                });
        return corrections;
    }

    /** Upserts a computed row; confirmation fields are kept as they are. */
    void save(EvaluationView e, Instant now) {
        int updated = jdbc.sql("update evaluation set company_code = ?, peer_group = ?, score = ?, rank_in_group = ?, "
                        + "peer_group_size = ?, below_target = ?, consecutive_below = ?, outcome = ?, proposed_outcome = ?, "
                        + "state = ?, guidance = ?, details = ?, change_reason = ?, amount = ?, amount_rule = ?, "
                        + "updated_at = ? where quarter = ? and person_code = ?")
                .params(e.companyCode(), e.peerGroup(), e.score(), e.rank(), e.peerGroupSize(), e.belowTarget(),
                        e.consecutiveQuartersBelow(), e.outcome(), e.proposedOutcome(), e.state(), e.guidance(),
                        details(e), e.changeReason(), e.amount(), e.amountRule(), Timestamp.from(now), e.quarter(),
                        e.personCode())
                .update();
        if (updated == 0) {
            jdbc.sql("insert into evaluation (quarter, person_code, company_code, peer_group, score, rank_in_group, "
                            + "peer_group_size, below_target, consecutive_below, outcome, proposed_outcome, state, guidance, "
                            + "details, change_reason, amount, amount_rule, updated_at) "
                            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(e.quarter(), e.personCode(), e.companyCode(), e.peerGroup(), e.score(), e.rank(),
                            e.peerGroupSize(), e.belowTarget(), e.consecutiveQuartersBelow(), e.outcome(),
                            e.proposedOutcome(), e.state(), e.guidance(), details(e), e.changeReason(), e.amount(),
                            e.amountRule(), Timestamp.from(now))
                    .update();
        }
    }

    void changeOutcome(String quarter, String personCode, String outcome, String reason, String userId, Instant now) {
        jdbc.sql("update evaluation set outcome = ?, change_reason = ?, changed_by = ?, updated_at = ? "
                        + "where quarter = ? and person_code = ?")
                .params(outcome, reason, userId, Timestamp.from(now), quarter, personCode).update();
    }

    /** HR's sum for a proposal (or the rule's again after a changed outcome: {@code setBy} null). */
    void setAmount(String quarter, String personCode, BigDecimal amount, String rule, String setBy,
            Instant now) {
        jdbc.sql("update evaluation set amount = ?, amount_rule = ?, amount_set_by = ?, updated_at = ? "
                        + "where quarter = ? and person_code = ?")
                .params(amount, rule, setBy, Timestamp.from(now), quarter, personCode).update();
    }

    void confirm(String quarter, String personCode, String confirmedBy, String approvedBy, Instant now) {
        jdbc.sql("update evaluation set state = 'confirmed', confirmed_by = ?, approved_by = ?, confirmed_at = ?, "
                        + "updated_at = ? where quarter = ? and person_code = ? and state = 'proposed'")
                .params(confirmedBy, approvedBy, Timestamp.from(now), Timestamp.from(now), quarter, personCode).update();
    }

    /** The company's base for the role (issue 14), else its base for every role ('*'), else null. */
    /** The weights a company's quarter was confirmed with for a role; empty before it was. */
    Map<String, BigDecimal> weightsUsed(String companyCode, String quarter, String role) {
        Map<String, BigDecimal> result = new java.util.LinkedHashMap<>();
        jdbc.sql("select kpi_code, weight from evaluation_weight where company_code = ? and quarter = ? and role = ? "
                + "order by kpi_code").params(companyCode, quarter, role).query(rs -> {
                    result.put(rs.getString(1), rs.getBigDecimal(2));
                });
        return result;
    }

    /** Keeps the weights a quarter is confirmed with; the first confirmation's stay. */
    void keepWeightsUsed(String companyCode, String quarter, String role, Map<String, BigDecimal> weights) {
        if (!weightsUsed(companyCode, quarter, role).isEmpty()) {
            return;
        }
        weights.forEach((kpi, weight) -> jdbc.sql("insert into evaluation_weight (company_code, quarter, role, kpi_code, "
                + "weight) values (?, ?, ?, ?, ?)").params(companyCode, quarter, role, kpi, weight).update());
    }

    BigDecimal rewardBase(String companyCode, String peerGroup) {
        return jdbc.sql("select base_amount from reward_base where company_code = ? and peer_group in (?, '*') "
                        + "order by case when peer_group = '*' then 1 else 0 end")
                .params(companyCode, peerGroup).query(BigDecimal.class).list().stream().findFirst().orElse(null);
    }

    /** One base of {@code reward_base}: a role, or "*" for every role without its own. */
    record RewardBase(String companyCode, String peerGroup, BigDecimal baseAmount, String updatedBy) {
    }

    List<RewardBase> rewardBases(String companyCode) {
        return jdbc.sql("select company_code, peer_group, base_amount, updated_by from reward_base "
                        + "where company_code = ? order by peer_group")
                .param(companyCode).query((rs, n) -> new RewardBase(rs.getString(1), rs.getString(2),
                        rs.getBigDecimal(3), rs.getString(4))).list();
    }

    void saveRewardBase(String companyCode, String peerGroup, BigDecimal baseAmount, String userId, Instant now) {
        int updated = jdbc.sql("update reward_base set base_amount = ?, updated_by = ?, updated_at = ? "
                        + "where company_code = ? and peer_group = ?")
                .params(baseAmount, userId, Timestamp.from(now), companyCode, peerGroup).update();
        if (updated == 0) {
            jdbc.sql("insert into reward_base (company_code, peer_group, base_amount, updated_by, updated_at) "
                            + "values (?, ?, ?, ?, ?)")
                    .params(companyCode, peerGroup, baseAmount, userId, Timestamp.from(now)).update();
        }
    }

    private EvaluationView row(ResultSet rs, int n) throws SQLException {
        Details details = parse(rs.getString(14));
        Integer rank = rs.getObject(6) == null ? null : rs.getInt(6);
        return new EvaluationView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getBigDecimal(5), rank, rs.getInt(7), rs.getBoolean(8), rs.getInt(9), rs.getString(10),
                rs.getString(11), rs.getString(12), rs.getString(13), details.attainments(), details.dataGaps(),
                rs.getString(15), rs.getString(16), rs.getString(17), rs.getBigDecimal(18), rs.getString(19));
    }

    private static String details(EvaluationView e) {
        try {
            String json = JSON.writeValueAsString(new Details(e.attainments(), e.dataGaps()));
            return json.length() > 8000 ? JSON.writeValueAsString(new Details(e.attainments(), List.of("…"))) : json;
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static Details parse(String json) {
        if (json == null) {
            return new Details(Map.of(), List.of());
        }
        try {
            return JSON.readValue(json, new TypeReference<Details>() {});
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("evaluation.details is not valid JSON", ex);
        }
    }
}
