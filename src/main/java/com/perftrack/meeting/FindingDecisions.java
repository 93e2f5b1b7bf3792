package com.perftrack.meeting;

import com.perftrack.calendar.BusinessCalendar;
import com.perftrack.organisation.OrgUnit;
import com.perftrack.organisation.OrganisationService;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The secretary-general's final word on the meeting's findings (质询: 秘书长最终确定问题、责任部门与措施):
 * accept, define (responsible departments, person, solution, deadline), merge a duplicate, add a
 * finding the standing office missed, send one department's record back. The values are checked
 * here, the same way for the Tasklist form and the REST API; a bad value is one sentence
 * ({@link FindingRefusal}) and nothing changes.
 */
@Service
public class FindingDecisions {

    static final int MAX_TEXT = 4000;
    static final int MAX_REASON = 2000;

    /** What the secretary-general sets on a finding; a null or empty value keeps the finding's own. */
    public record Definition(List<String> responsibleDepartments, String responsibleUserId, String solution,
            LocalDate deadline) {}

    /** A finding the standing office missed. */
    public record NewFinding(String reportingDepartment, String cause, String causeType, Definition definition) {}

    private final FindingService findings;
    private final OrganisationService organisation;
    private final BusinessCalendar calendar;

    public FindingDecisions(FindingService findings, OrganisationService organisation, BusinessCalendar calendar) {
        this.findings = findings;
        this.organisation = organisation;
        this.calendar = calendar;
    }

    public FindingService findings() {
        return findings;
    }

    @Transactional
    public void accept(long id, String user) {
        Finding f = findings.find(id).orElseThrow(() -> FindingRefusal.notFound(id));
        if (f.responsibleUserId() == null || f.responsibleUserId().isBlank()) {
            throw FindingRefusal.invalid("问题 #" + f.number() + " 没有责任人，请先修改并指定责任人 / name a responsible person first");
        }
        findings.accept(id, user);
    }

    @Transactional
    public void define(long id, Definition d, String user) {
        Finding f = findings.find(id).orElseThrow(() -> FindingRefusal.notFound(id));
        List<String> departments = d.responsibleDepartments() == null || d.responsibleDepartments().isEmpty()
                ? f.responsibleDepartmentList() : d.responsibleDepartments();
        String person = blank(d.responsibleUserId()) ? f.responsibleUserId() : d.responsibleUserId().trim();
        String solution = blank(d.solution()) ? f.solution() : d.solution().trim();
        LocalDate deadline = d.deadline() == null ? f.deadline() : d.deadline();
        List<String> problems = check(f.companyCode(), departments, person, solution, d.deadline());
        if (!problems.isEmpty()) {
            throw FindingRefusal.invalid(String.join("；", problems));
        }
        findings.define(id, departments, person, solution, deadline, user);
    }

    @Transactional
    public void merge(long duplicateId, long intoId, String user) {
        findings.merge(duplicateId, intoId, user);
    }

    @Transactional
    public long add(String company, String period, NewFinding n, String user) {
        List<String> problems = new ArrayList<>();
        Set<String> known = departments(company);
        if (blank(n.reportingDepartment()) || !known.contains(n.reportingDepartment())) {
            problems.add("请选择提出该问题的部门（本公司没有 '" + nz(n.reportingDepartment()) + "'）/ pick the reporting department");
        }
        if (blank(n.cause())) {
            problems.add("请填写问题与原因 / describe the problem and its cause");
        } else if (n.cause().length() > MAX_TEXT) {
            problems.add("问题与原因最多 " + MAX_TEXT + " 个字符 / at most " + MAX_TEXT + " characters");
        }
        if (!"internal".equals(n.causeType()) && !"external".equals(n.causeType())) {
            problems.add("原因类型应为内部或外部 / cause type must be internal or external");
        }
        Definition d = n.definition();
        problems.addAll(check(company, d.responsibleDepartments() == null ? List.of() : d.responsibleDepartments(),
                d.responsibleUserId(), d.solution(), d.deadline()));
        if (!problems.isEmpty()) {
            throw FindingRefusal.invalid(String.join("；", problems));
        }
        String cause = n.cause().trim();
        return findings.add(new Finding(null, company, period, n.reportingDepartment(), null, MeetingTexts.title(cause),
                null, cause, n.causeType(), null, null, "", String.join(",", d.responsibleDepartments()),
                d.solution().trim(), d.responsibleUserId().trim(), user, null, null, Finding.OPEN, null, d.deadline()), user);
    }

    /** Sends the department's record back; {@code reporting}: the departments that reported at this meeting. */
    @Transactional
    public List<Finding> sendBack(String company, String period, String department, String reason,
            Collection<String> reporting, String user) {
        List<String> problems = new ArrayList<>();
        if (blank(department) || !reporting.contains(department)) {
            problems.add("请选择本次会议汇报过的部门（'" + nz(department) + "' 不是）/ pick a department that reported");
        }
        if (blank(reason)) {
            problems.add("请写明退回原因 / give the reason for sending the record back");
        } else if (reason.length() > MAX_REASON) {
            problems.add("退回原因最多 " + MAX_REASON + " 个字符 / at most " + MAX_REASON + " characters");
        }
        if (!problems.isEmpty()) {
            throw FindingRefusal.invalid(String.join("；", problems));
        }
        return findings.sendBack(company, period, department, reason.trim(), user);
    }

    /** The final word: refused while a standing finding has no responsible person. Returns how many were confirmed. */
    @Transactional
    public int confirmAll(String company, String period, String user) {
        List<String> without = findings.findings(company, period).stream()
                .filter(f -> blank(f.responsibleUserId())).map(f -> "#" + f.number()).toList();
        if (!without.isEmpty()) {
            throw FindingRefusal.invalid("问题 " + String.join("、", without) + " 没有责任人，请先修改并指定责任人"
                    + " / name a responsible person for " + String.join(", ", without));
        }
        return findings.confirmAll(company, period, user);
    }

    /** A related department's part of the solution: required, at most 4000 characters. */
    @Transactional
    public void addRelatedPart(long findingId, String department, String part, String user) {
        if (blank(part)) {
            throw FindingRefusal.invalid("请填写本部门的配合措施 / describe your department's part");
        }
        if (part.length() > MAX_TEXT) {
            throw FindingRefusal.invalid("配合措施最多 " + MAX_TEXT + " 个字符 / at most " + MAX_TEXT + " characters");
        }
        Finding f = findings.find(findingId).orElseThrow(() -> FindingRefusal.notFound(findingId));
        if (!f.relatedDepartmentList().contains(department)) {
            throw FindingRefusal.invalid("'" + department + "' 不是问题 #" + f.number() + " 的相关部门 / not a related department");
        }
        findings.addRelatedPart(findingId, department, part.trim(), user);
    }

    List<String> check(String company, List<String> departments, String person, String solution, LocalDate deadline) {
        List<String> problems = new ArrayList<>();
        Set<String> known = departments(company);
        if (departments.isEmpty()) {
            problems.add("请选择责任部门 / pick the responsible department(s)");
        }
        List<String> unknown = departments.stream().filter(d -> !known.contains(d)).toList();
        if (!unknown.isEmpty()) {
            problems.add("本公司没有该部门：" + String.join("、", unknown) + " / no such department");
        }
        if (blank(person)) {
            problems.add("责任人必填 / a responsible person is required");
        } else {
            Set<String> people = people(company);
            if (!people.isEmpty() && !people.contains(person.trim())) {
                problems.add("责任人 '" + person.trim() + "' 不是本公司人员 / not one of the company's people");
            }
        }
        if (blank(solution)) {
            problems.add("请填写改进措施 / the solution is required");
        } else if (solution.length() > MAX_TEXT) {
            problems.add("改进措施最多 " + MAX_TEXT + " 个字符 / at most " + MAX_TEXT + " characters");
        }
        if (deadline != null && deadline.isBefore(calendar.today())) {
            problems.add("期限不能早于今天 / the deadline cannot be in the past");
        }
        return problems;
    }

    private Set<String> departments(String company) {
        Set<String> codes = new ReportChoices(organisation, null).departmentCodes(company);
        return codes.isEmpty() ? new LinkedHashSet<>(ReportChoices.ORDER) : codes;
    }

    private Set<String> people(String company) {
        Set<String> users = new LinkedHashSet<>();
        for (String type : List.of(OrgUnit.COMPANY, OrgUnit.DEPARTMENT, OrgUnit.REGION, OrgUnit.PERSON)) {
            organisation.units(company, type).stream().map(OrgUnit::userId).filter(u -> !blank(u)).forEach(users::add);
        }
        return users;
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
