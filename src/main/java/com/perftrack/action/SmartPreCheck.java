package com.perftrack.action;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The automatic part of the SMART check (SPEC.md section 2, step 6), before the standing office
 * reviews a form: measures present, a quantified expected result that names the KPI it moves,
 * a deadline after today and within the horizon, a link to a finding. Plain Java; the KPI
 * catalogue comes in as code → Chinese name so that "客户满意度" counts as naming a KPI.
 */
final class SmartPreCheck {

    /** Capital words; one counts as a KPI code if the catalogue knows it or it has an underscore (SALES_VOLUME). */
    private static final Pattern CAPITAL_WORD = Pattern.compile("(?<![A-Za-z0-9_])[A-Z][A-Z0-9_]+(?![A-Za-z0-9_])");
    private static final Pattern NUMBER = Pattern.compile("\\d");

    private final Map<String, String> catalogue;
    private final int horizonDays;

    SmartPreCheck(Map<String, String> kpiNamesByCode, int horizonDays) {
        this.catalogue = Map.copyOf(kpiNamesByCode);
        this.horizonDays = horizonDays;
    }

    /** @return the reasons the draft fails, empty if it passes */
    List<String> check(ActionDraft draft, LocalDate today) {
        List<String> reasons = new ArrayList<>();
        if (draft.findingId() == null) {
            reasons.add("未关联质询问题 / the action is not linked to a finding");
        }
        if (blank(draft.item())) {
            reasons.add("改进事项为空 / the item is empty");
        }
        if (blank(draft.measures())) {
            reasons.add("改进措施为空 / measures are empty");
        }
        checkExpectedResult(draft.expectedResult(), reasons);
        checkDeadline(draft.deadline(), today, reasons);
        return reasons;
    }

    /** The KPI codes a text names, in order; unknown ones included (the check reports them). */
    Set<String> kpiCodesIn(String text) {
        Set<String> codes = new LinkedHashSet<>();
        if (text != null) {
            Matcher m = CAPITAL_WORD.matcher(text);
            while (m.find()) {
                if (catalogue.containsKey(m.group()) || m.group().contains("_")) {
                    codes.add(m.group());
                }
            }
        }
        return codes;
    }

    private void checkExpectedResult(String expected, List<String> reasons) {
        if (blank(expected)) {
            reasons.add("预期结果为空 / the expected result is empty");
            return;
        }
        if (!NUMBER.matcher(expected).find()) {
            reasons.add("预期结果缺少量化目标（没有数字）/ the expected result lacks a quantified target (no number)");
        }
        Set<String> codes = kpiCodesIn(expected);
        List<String> unknown = codes.stream().filter(c -> !catalogue.containsKey(c)).toList();
        if (!unknown.isEmpty()) {
            reasons.add("KPI 代码不存在：" + String.join(", ", unknown) + " / unknown KPI code " + String.join(", ", unknown));
        }
        boolean namesKpi = codes.stream().anyMatch(catalogue::containsKey)
                || catalogue.values().stream().anyMatch(name -> name != null && !name.isBlank() && expected.contains(name));
        if (!namesKpi && unknown.isEmpty()) {
            reasons.add("预期结果未指明所改进的 KPI（如 SALES_AMOUNT）/ the expected result names no KPI it moves");
        }
    }

    private void checkDeadline(String deadline, LocalDate today, List<String> reasons) {
        if (blank(deadline)) {
            reasons.add("缺少完成期限 / the deadline is missing");
            return;
        }
        LocalDate date;
        try {
            date = parseDate(deadline);
        } catch (DateTimeParseException e) {
            reasons.add("完成期限格式无效：" + deadline + " / the deadline is not a date (YYYY-MM-DD)");
            return;
        }
        if (!date.isAfter(today)) {
            reasons.add("完成期限 " + date + " 不在未来 / the deadline " + date + " is not in the future");
        } else if (date.isAfter(today.plusDays(horizonDays))) {
            reasons.add("完成期限 " + date + " 超出 " + horizonDays + " 天的期限范围 / the deadline lies beyond the "
                    + horizonDays + "-day horizon (latest " + today.plusDays(horizonDays) + ")");
        }
    }

    /** Accepts {@code 2026-12-24} and the date-time forms a form or REST client may send. */
    static LocalDate parseDate(String text) {
        String t = text.trim();
        return LocalDate.parse(t.length() > 10 ? t.substring(0, 10) : t);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
