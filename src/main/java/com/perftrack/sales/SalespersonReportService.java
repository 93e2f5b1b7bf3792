package com.perftrack.sales;

import static com.perftrack.sales.SalespersonReportVariables.*;

import com.perftrack.calendar.BusinessCalendar;
import com.perftrack.calendar.Period;
import com.perftrack.organisation.OrgUnit;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Salespersons' monthly reports (销售人员月度报告, issue 16; seed: 销售人员定期报告：销售额、分析、活动、市场反馈).
 * When the sales department's collection task of a month opens, every sales person of the company
 * ({@link SalesPersons}) gets a {@code salesperson-monthly-report}; the collection task completes only when
 * all have filed (for the companies of {@link SalespersonReportSettings}). Months only: a quarterly or
 * half-yearly review reads the months' reports.
 */
@Service
public class SalespersonReportService {

    static final String PROCESS_KEY = "salesperson-monthly-report";
    static final int MAX_TEXT = 2000;

    private final SalespersonReportRepository reports;
    private final SalesPersons salesPersons;
    private final SalespersonReportSettings settings;
    private final BusinessCalendar calendar;
    private final RuntimeService runtime;
    private final IdentityService identity;

    SalespersonReportService(SalespersonReportRepository reports, SalesPersons salesPersons,
            SalespersonReportSettings settings, BusinessCalendar calendar, RuntimeService runtime, IdentityService identity) {
        this.reports = reports;
        this.salesPersons = salesPersons;
        this.settings = settings;
        this.calendar = calendar;
        this.runtime = runtime;
        this.identity = identity;
    }

    /** Whether the company's sales collection of this period waits for the reports (a month, a listed company). */
    public boolean required(String companyCode, String period) {
        return companyCode != null && period != null && Period.isValid(period) && settings.requiredFor(companyCode);
    }

    /** Opens a report for every sales person of the company who has none for the month yet; idempotent. */
    @Transactional
    public int open(String companyCode, String period) {
        int opened = 0;
        for (OrgUnit person : salesPersons.of(companyCode)) {
            if (reports.find(person.code(), period).isPresent()) {
                continue;
            }
            long id = reports.insert(companyCode, period, person.code(), person.userId(), calendar.now());
            var variables = Variables.createVariables();
            variables.putValue(REPORT_ID.name(), id);
            variables.putValue(PERIOD.name(), period);
            variables.putValue(COMPANY_CODE.name(), companyCode); // the tenant: the company's people see the task
            variables.putValue(PERSON_NAME.name(), salesPersons.name(person.code()));
            variables.putValue(SALES_PERSON_USER_ID.name(), person.userId());
            // the application opens the report, not whoever's action opened the collection task
            Authentication caller = identity.getCurrentAuthentication();
            identity.clearAuthentication();
            try {
                reports.assign(id, runtime.startProcessInstanceByKey(PROCESS_KEY, period + ":" + person.code(), variables)
                        .getId());
            } finally {
                if (caller != null) {
                    identity.setAuthentication(caller);
                }
            }
            opened++;
        }
        return opened;
    }

    SalespersonReport report(long id) {
        return reports.find(id).orElseThrow(() -> new IllegalStateException("no salesperson report " + id));
    }

    /** The sales person files: the month's sales, analysis, activities and market feedback are required, quotes optional. */
    @Transactional
    public void file(long id, Object salesAmount, String analysis, String activities, String marketFeedback,
            String customerQuotes, String userId) {
        SalespersonReport report = report(id);
        if (report.userId() != null && userId != null && !report.userId().equals(userId)) {
            throw new BadUserRequestException("只能由 " + salesPersons.name(report.personCode()) + " 本人填写此报告 / only the "
                    + "sales person files their own report");
        }
        List<String> problems = new ArrayList<>();
        BigDecimal amount = null;
        if (salesAmount == null || salesAmount.toString().isBlank()) {
            problems.add("请填写本月销售额 / the month's sales are required");
        } else {
            try {
                amount = new BigDecimal(salesAmount.toString().trim());
                if (amount.signum() < 0 || amount.stripTrailingZeros().scale() > 2) {
                    problems.add("本月销售额须为不小于 0 的金额（最多两位小数）/ the month's sales must be an amount of 0 or more");
                }
            } catch (NumberFormatException e) {
                problems.add("本月销售额须为数字 / the month's sales must be a number: " + salesAmount);
            }
        }
        String a = text(analysis, "分析 analysis", true, problems);
        String act = text(activities, "活动 activities", true, problems);
        String f = text(marketFeedback, "市场反馈 market feedback", true, problems);
        String q = text(customerQuotes, "客户原话 customer quotes", false, problems);
        if (!problems.isEmpty()) {
            throw new BadUserRequestException("不能提交月度报告：" + String.join("；", problems));
        }
        reports.file(id, amount, a, act, f, q, userId, calendar.now());
    }

    private static String text(String value, String label, boolean required, List<String> problems) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.add("请填写" + label);
            }
            return null;
        }
        if (value.trim().length() > MAX_TEXT) {
            problems.add(label + "最多 " + MAX_TEXT + " 字 / at most " + MAX_TEXT + " characters");
            return null;
        }
        return value.trim();
    }

    /** The sales persons (name code) whose report of the month is not filed. */
    public List<String> notFiled(String companyCode, String period) {
        return reports.ofPeriod(companyCode, period).stream().filter(r -> !r.filed())
                .map(r -> salesPersons.name(r.personCode())).toList();
    }

    public List<SalespersonReport> reports(String companyCode, String period) {
        return reports.ofPeriod(companyCode, period);
    }

    public List<SalespersonReport> reports(String period) {
        return reports.ofPeriod(period);
    }

    /** The table of the sales collection task: one row per sales person. */
    List<Map<String, String>> table(String companyCode, String period) {
        return reports.ofPeriod(companyCode, period).stream().map(r -> {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("person", salesPersons.name(r.personCode()));
            row.put("sales", r.filed() ? r.salesAmount().stripTrailingZeros().toPlainString() : "未提交");
            row.put("analysis", r.filed() ? r.analysis() : "—");
            row.put("activities", r.filed() ? r.activities() : "—");
            row.put("feedback", r.filed() ? r.marketFeedback()
                    + (r.customerQuotes() == null ? "" : "（客户原话：" + r.customerQuotes() + "）") : "—");
            return row;
        }).toList();
    }

    /** The sentence above the table. */
    String status(String companyCode, String period) {
        if (!required(companyCode, period)) {
            return "本期不要求销售人员月度报告。/ No salesperson reports are required for this period.";
        }
        List<String> missing = notFiled(companyCode, period);
        int all = reports.ofPeriod(companyCode, period).size();
        return missing.isEmpty() ? "全部 " + all + " 份销售人员月度报告已提交。/ All " + all + " salesperson reports are in."
                : "销售人员月度报告：" + (all - missing.size()) + " / " + all + " 已提交，未提交：" + String.join("、", missing)
                        + "。全部提交后才能完成本任务。/ Reports filed " + (all - missing.size()) + " of " + all
                        + "; this task completes once all are in.";
    }
}
