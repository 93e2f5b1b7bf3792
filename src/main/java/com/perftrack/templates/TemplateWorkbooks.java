package com.perftrack.templates;

import com.perftrack.imports.TemplateFiles;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The templates' xlsx: empty templates with one example line, and exports in the upload's own columns (re-importable). */
@Component
class TemplateWorkbooks {

    static final List<String> MARKET_HEADER = concat(TemplateFileParsers.MARKET_COLUMNS, TemplateFileParsers.MARKET_OPTIONAL);
    static final List<String> PLAN_HEADER = concat(TemplateFileParsers.PLAN_COLUMNS, TemplateFileParsers.PLAN_OPTIONAL);

    byte[] template(String name, List<SurveyQuestion> questions) {
        return switch (name) {
            case "customer-survey" -> {
                List<String> header = surveyHeader(questions.stream().map(SurveyQuestion::code).toList());
                List<String> example = new ArrayList<>(List.of("2026-01", "R-EAST", "华东机电有限公司", "2026-01-15", "回访满意，交付略慢"));
                questions.forEach(q -> example.add("4"));
                yield TemplateFiles.workbook("customer-survey", header, List.of(example));
            }
            case "market-report" -> TemplateFiles.workbook("market-report", MARKET_HEADER, List.of(
                    List.of("2026-01", "MKT", "竞品甲", "A型机", "9800", "降价 5%", "", "", "", ""),
                    List.of("2026-01", "MKT", "", "", "", "", "120000000", "0.12", "客户要求更短交期", "新能效标准 7 月施行")));
            default -> TemplateFiles.workbook("regional-plan", PLAN_HEADER, List.of(
                    List.of("2026-02", "R-EAST", "SALES_AMOUNT", "300000", "", "", "", ""),
                    List.of("2026-02", "R-EAST", "", "", "华东展会", "张三", "2026-02-20", "15000")));
        };
    }

    byte[] surveys(TemplateViews.Surveys data) {
        Set<String> codes = new LinkedHashSet<>();
        data.questions().forEach(q -> codes.add(q.code()));
        data.surveys().forEach(s -> codes.addAll(s.scores().keySet()));
        List<List<String>> rows = new ArrayList<>();
        for (TemplateViews.SurveyView s : data.surveys()) {
            List<String> row = new ArrayList<>(List.of(s.period(), s.unitCode(), s.customer(), s.surveyDate(), text(s.comment())));
            codes.forEach(c -> row.add(s.scores().containsKey(c) ? String.valueOf(s.scores().get(c)) : ""));
            rows.add(row);
        }
        return TemplateFiles.workbook("customer-survey", surveyHeader(List.copyOf(codes)), rows);
    }

    byte[] market(TemplateViews.MarketReport data) {
        List<List<String>> rows = new ArrayList<>();
        data.competitors().forEach(c -> rows.add(List.of(c.period(), c.unitCode(), c.competitor(), text(c.product()),
                text(c.price()), text(c.move()), "", "", "", "")));
        data.estimates().forEach(e -> rows.add(List.of(e.period(), e.unitCode(), "", "", "", "", text(e.marketSize()),
                text(e.marketShare()), text(e.demandChange()), text(e.policy()))));
        return TemplateFiles.workbook("market-report", MARKET_HEADER, rows);
    }

    byte[] plan(TemplateViews.RegionalPlan data) {
        List<List<String>> rows = new ArrayList<>();
        data.targets().forEach(t -> rows.add(List.of(t.period(), t.regionCode(), t.kpiCode(), text(t.target()), "", "", "", "")));
        data.items().forEach(i -> rows.add(List.of(i.period(), i.regionCode(), "", "", i.activity(), text(i.owner()),
                text(i.dueDate()), text(i.budget()))));
        return TemplateFiles.workbook("regional-plan", PLAN_HEADER, rows);
    }

    private static List<String> surveyHeader(List<String> questionCodes) {
        List<String> header = new ArrayList<>(TemplateFileParsers.SURVEY_COLUMNS);
        header.add("comment");
        header.addAll(questionCodes);
        return header;
    }

    private static String text(Object value) {
        if (value instanceof java.math.BigDecimal number) {
            return number.toPlainString();
        }
        return value == null ? "" : value.toString();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
