package com.perftrack.templates;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** customer_survey, its scores, the companies' questions and the per-company setting. */
@Repository
class SurveyStore {

    private final JdbcClient jdbc;

    SurveyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces the surveys of every (period, unit) of the file by its lines. */
    void replace(List<Rows.Survey> rows, String user, LocalDateTime now) {
        Set<String> cleared = new HashSet<>();
        for (Rows.Survey row : rows) {
            if (cleared.add(row.period() + '|' + row.unit().code())) {
                jdbc.sql("delete from customer_survey where period = ? and unit_code = ?").params(row.period(), row.unit().code())
                        .update();
            }
        }
        for (Rows.Survey row : rows) {
            var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
            jdbc.sql("insert into customer_survey (company_code, period, unit_type, unit_code, customer, survey_date, "
                    + "comment, imported_by, imported_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(row.unit().companyCode(), row.period(), row.unit().unitType(), row.unit().code(), row.customer(),
                            row.date(), row.comment(), user, Timestamp.valueOf(now))
                    .update(keys, "id");
            long id = keys.getKey().longValue();
            row.scores().forEach((question, score) -> jdbc.sql("insert into customer_survey_score (survey_id, question, score) "
                    + "values (?, ?, ?)").params(id, question, score).update());
        }
    }

    /** The month's surveys in the given months, oldest first; unitCode optional. */
    List<TemplateViews.SurveyView> surveys(List<String> periods, String unitCode) {
        Map<Long, Map<String, Integer>> scores = new LinkedHashMap<>();
        jdbc.sql("select s.survey_id, s.question, s.score from customer_survey_score s join customer_survey c on c.id = s.survey_id "
                        + "where c.period in (:periods) and (cast(:unit as varchar(64)) is null or c.unit_code = :unit)")
                .param("periods", periods).param("unit", unitCode)
                .query((rs, n) -> scores.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getInt(3)))
                .list();
        return jdbc.sql("select id, period, unit_type, unit_code, customer, survey_date, comment from customer_survey "
                        + "where period in (:periods) and (cast(:unit as varchar(64)) is null or unit_code = :unit) "
                        + "order by period, unit_code, survey_date, id")
                .param("periods", periods).param("unit", unitCode)
                .query((rs, n) -> new TemplateViews.SurveyView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), scores.getOrDefault(rs.getLong(1), Map.of()), rs.getString(7)))
                .list();
    }

    /** The company's questions in order; the seed's defaults when it configured none. */
    List<SurveyQuestion> questions(String companyCode) {
        List<SurveyQuestion> own = jdbc.sql("select code, label from survey_question where company_code = ? order by sort_order, code")
                .param(companyCode).query((rs, n) -> new SurveyQuestion(rs.getString(1), rs.getString(2))).list();
        return own.isEmpty() ? SurveyQuestion.DEFAULTS : own;
    }

    /** Every question code any company asks (the defaults included): the columns a survey file may have. */
    Set<String> allQuestionCodes() {
        Set<String> codes = new HashSet<>();
        SurveyQuestion.DEFAULTS.forEach(q -> codes.add(q.code()));
        codes.addAll(jdbc.sql("select distinct code from survey_question").query(String.class).list());
        return codes;
    }

    void setQuestions(String companyCode, List<SurveyQuestion> questions) {
        jdbc.sql("delete from survey_question where company_code = ?").param(companyCode).update();
        for (int i = 0; i < questions.size(); i++) {
            jdbc.sql("insert into survey_question (company_code, code, label, sort_order) values (?, ?, ?, ?)")
                    .params(companyCode, questions.get(i).code(), questions.get(i).label(), i + 1).update();
        }
    }

    boolean feedsSatisfaction(String companyCode) {
        return jdbc.sql("select survey_feeds_satisfaction from template_setting where company_code = ?").param(companyCode)
                .query(Boolean.class).optional().orElse(Boolean.FALSE);
    }

    void setFeedsSatisfaction(String companyCode, boolean feeds, String user, LocalDateTime now) {
        jdbc.sql("insert into template_setting (company_code, survey_feeds_satisfaction, updated_by, updated_at) values (?, ?, ?, ?) "
                + "on conflict (company_code) do update set survey_feeds_satisfaction = excluded.survey_feeds_satisfaction, "
                + "updated_by = excluded.updated_by, updated_at = excluded.updated_at")
                .params(companyCode, feeds, user, Timestamp.valueOf(now)).update();
    }

    /** Scores of each unit's month, by {@code period|unitType|unitCode}, for the units and months given. */
    Map<String, List<Integer>> scoresByUnit(List<String> periods, String unitCode) {
        Map<String, List<Integer>> result = new LinkedHashMap<>();
        jdbc.sql("select c.period, c.unit_type, c.unit_code, s.score from customer_survey c join customer_survey_score s "
                        + "on s.survey_id = c.id where c.period in (:periods) "
                        + "and (cast(:unit as varchar(64)) is null or c.unit_code = :unit) order by c.period, c.unit_code")
                .param("periods", periods).param("unit", unitCode)
                .query((rs, n) -> result.computeIfAbsent(rs.getString(1) + '|' + rs.getString(2) + '|' + rs.getString(3),
                        k -> new ArrayList<>()).add(rs.getInt(4)))
                .list();
        return result;
    }
}
