package com.perftrack.templates;

import com.perftrack.imports.ImportRejectedException;
import com.perftrack.imports.ImportTable;
import com.perftrack.imports.LineError;
import com.perftrack.imports.TemplateFiles;
import com.perftrack.organisation.OrgUnit;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Line-by-line validation of the three template files (all or nothing: every bad line is reported,
 * nothing is stored). Plain Java over the stored organisation, questions and KPI codes.
 */
final class TemplateFileParsers {

    static final List<String> SURVEY_COLUMNS = List.of("period", "unit_code", "customer", "survey_date");
    static final List<String> MARKET_COLUMNS = List.of("period", "unit_code");
    static final List<String> MARKET_OPTIONAL = List.of("competitor", "product", "price", "move", "market_size",
            "market_share", "demand_change", "policy");
    static final List<String> PLAN_COLUMNS = List.of("period", "region_code");
    static final List<String> PLAN_OPTIONAL = List.of("kpi_code", "target", "activity", "owner", "due_date", "budget");

    private final Map<String, OrgUnit> units;

    /** @param units every stored unit by code */
    TemplateFileParsers(Map<String, OrgUnit> units) {
        this.units = units;
    }

    /**
     * @param questions the questions each company asks (its configured ones, else the defaults); a
     *                  line must score exactly its unit's company's questions
     */
    List<Rows.Survey> surveys(ImportTable table, Function<String, List<SurveyQuestion>> questions, Set<String> allQuestionCodes) {
        List<String> optional = new ArrayList<>(List.of("comment"));
        allQuestionCodes.stream().sorted().forEach(optional::add);
        int[] at = TemplateFiles.columns(table.header(), SURVEY_COLUMNS, optional);
        List<LineError> errors = new ArrayList<>();
        List<Rows.Survey> rows = new ArrayList<>();
        for (ImportTable.Line line : table.lines()) {
            if (!TemplateFiles.fullWidth(table, line, errors)) {
                continue;
            }
            int before = errors.size();
            Cells cells = new Cells(line.number(), errors);
            String period = cells.period(line.cell(at[0]));
            OrgUnit unit = unit(cells, "unit_code", line.cell(at[1]), t -> !OrgUnit.COMPANY.equals(t),
                    "部门、区域或人员 / a department, region or person");
            String customer = cells.required("customer", line.cell(at[2]), 200);
            var date = cells.date("survey_date", line.cell(at[3]), true);
            String comment = at[4] < 0 ? null : cells.text("comment", line.cell(at[4]), 2000);
            Map<String, Integer> scores = new LinkedHashMap<>();
            if (unit != null) {
                Set<String> asked = new HashSet<>();
                for (SurveyQuestion q : questions.apply(unit.companyCode())) {
                    asked.add(q.code());
                    int column = table.header().indexOf(q.code());
                    if (column < 0) {
                        cells.error(q.code(), "缺少问题列 '" + q.code() + "'（" + q.label() + "）/ missing the column of question '"
                                + q.code() + "' that company " + unit.companyCode() + " asks");
                    } else {
                        Integer score = cells.score(q.code(), line.cell(column));
                        scores.put(q.code(), score);
                    }
                }
                for (String code : allQuestionCodes) {
                    int column = table.header().indexOf(code);
                    if (!asked.contains(code) && column >= 0 && !line.cell(column).isBlank()) {
                        cells.error(code, "公司 " + unit.companyCode() + " 不问 '" + code + "'，请留空 / company "
                                + unit.companyCode() + " does not ask question '" + code + "'; leave it empty");
                    }
                }
            }
            if (errors.size() == before) {
                if (date != null && !period.equals(date.toString().substring(0, 7))) {
                    cells.error("survey_date", "调查日期 " + date + " 不在 " + period + " 内 / survey date " + date
                            + " is not in " + period);
                } else {
                    rows.add(new Rows.Survey(period, unit, customer, date, scores, comment));
                }
            }
        }
        reject(errors);
        return rows;
    }

    Rows.Market market(ImportTable table) {
        int[] at = TemplateFiles.columns(table.header(), MARKET_COLUMNS, MARKET_OPTIONAL);
        List<LineError> errors = new ArrayList<>();
        List<Rows.Competitor> competitors = new ArrayList<>();
        List<Rows.Estimate> estimates = new ArrayList<>();
        Set<String> estimated = new HashSet<>();
        for (ImportTable.Line line : table.lines()) {
            if (!TemplateFiles.fullWidth(table, line, errors)) {
                continue;
            }
            int before = errors.size();
            Cells cells = new Cells(line.number(), errors);
            String period = cells.period(line.cell(at[0]));
            OrgUnit unit = unit(cells, "unit_code", line.cell(at[1]), t -> !OrgUnit.PERSON.equals(t),
                    "公司、部门或区域 / a company, department or region");
            String competitor = cells.text("competitor", cell(line, at[2]), 200);
            String product = cells.text("product", cell(line, at[3]), 200);
            BigDecimal price = cells.number("price", cell(line, at[4]), BigDecimal.ZERO, null);
            String move = cells.text("move", cell(line, at[5]), 2000);
            BigDecimal size = cells.number("market_size", cell(line, at[6]), BigDecimal.ZERO, null);
            BigDecimal share = cells.number("market_share", cell(line, at[7]), BigDecimal.ZERO, BigDecimal.ONE);
            String demand = cells.text("demand_change", cell(line, at[8]), 2000);
            String policy = cells.text("policy", cell(line, at[9]), 2000);
            boolean estimate = !cell(line, at[6]).isBlank() || !cell(line, at[7]).isBlank() || demand != null || policy != null;
            if (competitor == null && (product != null || price != null || move != null)) {
                cells.error("competitor", "填写了产品/价格/动向，但缺少竞争对手名称 / product, price or move given without the competitor");
            }
            if (competitor == null && !estimate && errors.size() == before) {
                cells.error(null, "该行既无竞争对手，也无市场估计 / the line names no competitor and gives no market estimate");
            }
            if (estimate && errors.size() == before && !estimated.add(period + '|' + unit.code())) {
                cells.error("market_share", unit.code() + " 在 " + period + " 的市场估计重复 / a second market estimate for "
                        + unit.code() + " in " + period);
            }
            if (errors.size() == before) {
                if (competitor != null) {
                    competitors.add(new Rows.Competitor(period, unit, competitor, product, price, move));
                }
                if (estimate) {
                    estimates.add(new Rows.Estimate(period, unit, size, share, demand, policy));
                }
            }
        }
        reject(errors);
        return new Rows.Market(competitors, estimates);
    }

    Rows.Plan plan(ImportTable table, Predicate<String> knownKpi) {
        int[] at = TemplateFiles.columns(table.header(), PLAN_COLUMNS, PLAN_OPTIONAL);
        List<LineError> errors = new ArrayList<>();
        List<Rows.PlanTarget> targets = new ArrayList<>();
        List<Rows.PlanItem> items = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>();
        for (ImportTable.Line line : table.lines()) {
            if (!TemplateFiles.fullWidth(table, line, errors)) {
                continue;
            }
            int before = errors.size();
            Cells cells = new Cells(line.number(), errors);
            String period = cells.period(line.cell(at[0]));
            OrgUnit region = unit(cells, "region_code", line.cell(at[1]), OrgUnit.REGION::equals, "区域 / a region");
            String kpi = cells.text("kpi_code", cell(line, at[2]), 64);
            BigDecimal target = cells.number("target", cell(line, at[3]), null, null);
            String activity = cells.text("activity", cell(line, at[4]), 500);
            String owner = cells.text("owner", cell(line, at[5]), 100);
            var due = cells.date("due_date", cell(line, at[6]), false);
            BigDecimal budget = cells.number("budget", cell(line, at[7]), BigDecimal.ZERO, null);
            if (kpi != null && !knownKpi.test(kpi)) {
                cells.error("kpi_code", "未知指标 '" + kpi + "' / unknown KPI '" + kpi + "'");
            } else if (kpi != null && target == null && cell(line, at[3]).isBlank()) {
                cells.error("target", "指标 " + kpi + " 缺少目标值 / target missing for " + kpi);
            } else if (kpi == null && !cell(line, at[3]).isBlank()) {
                cells.error("kpi_code", "填写了目标值，但缺少指标 / a target without its kpi_code");
            }
            if (activity == null && (owner != null || due != null || !cell(line, at[7]).isBlank())) {
                cells.error("activity", "填写了负责人/日期/预算，但缺少工作项目 / owner, date or budget given without the activity");
            }
            if (kpi == null && activity == null && errors.size() == before) {
                cells.error(null, "该行既无指标目标，也无工作项目 / the line gives neither a KPI target nor a plan item");
            }
            if (kpi != null && period != null && region != null && !keys.add(period + '|' + region.code() + '|' + kpi)) {
                cells.error("kpi_code", region.code() + " 在 " + period + " 的 " + kpi + " 目标重复 / a second target for " + kpi);
            }
            if (errors.size() == before) {
                if (kpi != null) {
                    targets.add(new Rows.PlanTarget(period, region, kpi, target));
                }
                if (activity != null) {
                    items.add(new Rows.PlanItem(period, region, activity, owner, due, budget));
                }
            }
        }
        reject(errors);
        return new Rows.Plan(targets, items);
    }

    private OrgUnit unit(Cells cells, String field, String code, Predicate<String> typeAllowed, String allowed) {
        OrgUnit unit = units.get(code);
        if (unit == null) {
            cells.error(field, "未知单位 '" + code + "' / unknown unit '" + code + "'");
            return null;
        }
        if (!typeAllowed.test(unit.unitType())) {
            cells.error(field, "单位 " + code + " 是 " + unit.unitType() + "，这里应为" + allowed + " / unit " + code
                    + " is a " + unit.unitType() + "; expected " + allowed);
            return null;
        }
        return unit;
    }

    private static String cell(ImportTable.Line line, int index) {
        return index < 0 ? "" : line.cell(index);
    }

    private static void reject(List<LineError> errors) {
        if (!errors.isEmpty()) {
            throw new ImportRejectedException(errors);
        }
    }
}
