package com.perftrack.meeting;

import com.perftrack.security.CommitteeGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Checks a department report as the standing office records it (plain Java). The method's
 * 汇报三步曲: a quantified deviation; quantified causes, each internal or external; an improvement
 * proposal for an internal cause, a resource request for an external one. Then the 质询三步曲
 * outcome: responsible department(s) and solution defined by the secretary-general.
 */
final class MeetingReportValidator {

    record Result(List<ReportedCause> causes, List<String> problems) {}

    /**
     * Who may be named: whether a user belongs to one of the responsible departments (picked from
     * the department's people), and whom a resource request may be addressed to (group ids).
     */
    record Roster(BiPredicate<String, List<String>> belongs, Set<String> providers) {
        /** Any existing user; any department or the general manager. */
        static final Roster ANY = new Roster((user, departments) -> true,
                java.util.stream.Stream.concat(DEPARTMENTS.stream(), java.util.stream.Stream.of(ResourceRequest.GENERAL_MANAGER))
                        .collect(java.util.stream.Collectors.toSet()));
    }

    private static final Pattern HAS_NUMBER = Pattern.compile("\\d");
    /** Column sizes of table finding (V60): checked here, so that no database error reaches a person. */
    static final int MAX_DEVIATION = 4000;
    static final int MAX_TEXT = 4000;
    static final int MAX_IMPACT = 2000;
    /** Column size of resource_request.amount (V75). */
    static final int MAX_AMOUNT = 500;
    static final Set<String> DEPARTMENTS = Set.of("sales", "marketing", "production", "quality", "finance", "hr",
            "procurement", "project-management", "contract-planning");

    private MeetingReportValidator() {
    }

    /** A report of a department with KPI results, any known department allowed. */
    static Result validate(Map<String, Object> values, Predicate<String> kpiExists, Predicate<String> userExists) {
        return validate(values, kpiExists, userExists, Set.of(), true);
    }

    /**
     * @param values             the form's values (keys of forms/record-department-report.form); the
     *                           department fields come as a list (the form's checklists, a Json
     *                           variable) or as comma-separated text (older REST clients)
     * @param kpiExists          whether a KPI code is in the catalogue
     * @param userExists         whether a Camunda user exists
     * @param companyDepartments the departments (group ids) of the cycle's company; empty: any known one
     * @param hasKpiResults      whether the department has KPI results this period: without any there is
     *                           no number to quote, and the deviation may say so in words
     */
    static Result validate(Map<String, Object> values, Predicate<String> kpiExists, Predicate<String> userExists,
            Set<String> companyDepartments, boolean hasKpiResults) {
        return validate(values, kpiExists, userExists, companyDepartments, hasKpiResults, Roster.ANY);
    }

    /** As above, with the company's roster for the responsible person and the resource request's provider. */
    static Result validate(Map<String, Object> values, Predicate<String> kpiExists, Predicate<String> userExists,
            Set<String> companyDepartments, boolean hasKpiResults, Roster roster) {
        List<String> problems = new ArrayList<>();
        String deviation = text(values, "deviation");
        if (deviation.isBlank()) {
            problems.add("请填写量化偏差 / the deviation from plan is required");
        } else if (hasKpiResults && !HAS_NUMBER.matcher(deviation).find()) {
            problems.add("偏差必须量化（含数字）/ the deviation must be quantified");
        }
        tooLong("量化偏差 deviation", deviation, MAX_DEVIATION, "", problems);
        List<ReportedCause> causes = new ArrayList<>();
        if (!Boolean.TRUE.equals(values.get("noFinding"))) {
            causes.add(cause(1, values, kpiExists, userExists, companyDepartments, roster, problems));
            if (Boolean.TRUE.equals(values.get("hasCause2"))) {
                causes.add(cause(2, values, kpiExists, userExists, companyDepartments, roster, problems));
            }
        }
        return new Result(causes, problems);
    }

    private static ReportedCause cause(int n, Map<String, Object> values, Predicate<String> kpiExists,
            Predicate<String> userExists, Set<String> companyDepartments, Roster roster, List<String> problems) {
        String p = "cause" + n;
        String label = "原因" + n + " / cause " + n + ": ";
        String cause = text(values, p);
        String type = text(values, p + "Type");
        String impact = text(values, p + "Impact");
        String proposal = text(values, p + "Proposal");
        String solution = text(values, p + "Solution");
        String user = text(values, p + "ResponsibleUser");
        String kpi = text(values, p + "KpiCode").toUpperCase();
        String amount = text(values, p + "RequestAmount");
        String provider = text(values, p + "RequestFrom");
        List<String> related = departments(values.get(p + "RelatedDepartments"), label + "相关部门 related",
                companyDepartments, problems);
        List<String> responsible = departments(values.get(p + "ResponsibleDepartments"), label + "责任部门 responsible",
                companyDepartments, problems);
        if (cause.isBlank()) {
            problems.add(label + "请描述原因 / describe the cause");
        }
        if (!type.equals("internal") && !type.equals("external")) {
            problems.add(label + "请选择内部或外部原因 / choose internal or external");
        }
        if (!HAS_NUMBER.matcher(impact).find()) {
            problems.add(label + "影响必须量化（含数字）/ the impact must be quantified");
        }
        if (proposal.isBlank()) {
            problems.add(label + ("external".equals(type) ? "外部原因须提出资源需求 / an external cause needs a resource request"
                    : "内部原因须提出改进建议 / an internal cause needs an improvement proposal"));
        }
        if (responsible.isEmpty()) {
            problems.add(label + "请指定责任部门 / name the responsible department(s)");
        }
        if (solution.isBlank()) {
            problems.add(label + "请填写秘书长确定的解决方案 / the solution is required");
        }
        tooLong("原因 cause", cause, MAX_TEXT, label, problems);
        tooLong("影响 impact", impact, MAX_IMPACT, label, problems);
        tooLong("改进建议/资源需求 proposal", proposal, MAX_TEXT, label, problems);
        tooLong("解决方案 solution", solution, MAX_TEXT, label, problems);
        if (!kpi.isEmpty() && !kpiExists.test(kpi)) {
            problems.add(label + "KPI 代码不存在 / unknown KPI code '" + kpi + "'");
        }
        if (user.isEmpty()) {
            problems.add(label + "请指定责任人 / name the responsible person");
        } else if (!userExists.test(user)) {
            problems.add(label + "责任人用户不存在 / unknown user '" + user + "'");
        } else if (!responsible.isEmpty() && !roster.belongs().test(user, responsible)) {
            problems.add(label + "责任人须是责任部门的人员 / the responsible person '" + user
                    + "' must belong to the responsible department(s) " + String.join(",", responsible));
        }
        ReportedCause.ResourceAsk ask = null;
        if ("external".equals(type)) {
            if (!HAS_NUMBER.matcher(amount).find()) {
                problems.add(label + "资源需求须量化数量或金额（含数字）/ the resource request needs a quantity or amount");
            }
            if (provider.isEmpty()) {
                problems.add(label + "请选择向谁提出资源需求 / choose whom the resources are requested from");
            } else if (!roster.providers().contains(provider)) {
                problems.add(label + "资源提供方不在本公司 / unknown resource provider '" + provider + "'");
            }
            tooLong("数量或金额 amount", amount, MAX_AMOUNT, label, problems);
            ask = new ReportedCause.ResourceAsk(proposal, amount, provider);
        }
        return new ReportedCause(n, cause, type, impact, proposal, related, responsible, solution,
                user.isEmpty() ? null : user, kpi.isEmpty() ? null : kpi, ask);
    }

    private static void tooLong(String field, String value, int max, String label, List<String> problems) {
        if (value.length() > max) {
            problems.add(label + field + " 最多 " + max + " 个字符，现为 " + value.length() + " / at most " + max
                    + " characters, got " + value.length());
        }
    }

    private static List<String> departments(Object value, String label, Set<String> companyDepartments,
            List<String> problems) {
        List<String> result = new ArrayList<>();
        for (String part : FormValues.list(value)) {
            String code = part.trim().toLowerCase();
            if (!DEPARTMENTS.contains(code) || CommitteeGroup.byId(code).isEmpty()) {
                problems.add(label + "：未知部门代码 / unknown department '" + part + "'");
            } else if (!companyDepartments.isEmpty() && !companyDepartments.contains(code)) {
                problems.add(label + "：本公司没有该部门 / the company has no department '" + part + "'");
            } else if (!result.contains(code)) {
                result.add(code);
            }
        }
        return result;
    }

    private static String text(Map<String, Object> values, String key) {
        return FormValues.text(values.get(key));
    }
}
