package com.perftrack.meeting;

import com.perftrack.calendar.BusinessCalendar;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;

/**
 * Stores and reads findings (table {@code finding}), keeps every change of them with who made it
 * ({@code finding_change}) and the related departments' parts ({@code finding_related_part}).
 * The checks of a change's values are {@link FindingDecisions}'; here only the state rules.
 */
@Service
public class FindingService {

    private static final String COLUMNS = "id, company_code, period, reporting_department, kpi_code, title, deviation, "
            + "cause, cause_type, impact, proposal, related_departments, responsible_departments, solution, "
            + "responsible_user_id, created_by, created_at, meeting_number, status, merged_into, deadline";
    private static final RowMapper<Finding> ROW = (rs, n) -> new Finding(rs.getLong(1), rs.getString(2),
            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
            rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14),
            rs.getString(15), rs.getString(16), rs.getTimestamp(17).toInstant(), rs.getInt(18), rs.getString(19),
            rs.getObject(20) == null ? null : rs.getLong(20),
            rs.getDate(21) == null ? null : rs.getDate(21).toLocalDate());
    private static final RowMapper<FindingChange> CHANGE = (rs, n) -> new FindingChange(rs.getLong(1), rs.getString(2),
            rs.getString(3), rs.getObject(4) == null ? null : rs.getLong(4), rs.getString(5), rs.getString(6),
            rs.getString(7), rs.getString(8), rs.getTimestamp(9).toInstant());
    private static final RowMapper<RelatedPart> PART = (rs, n) -> new RelatedPart(rs.getLong(1), rs.getString(2),
            rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant());

    private final JdbcClient jdbc;
    private final BusinessCalendar calendar;

    public FindingService(JdbcClient jdbc, BusinessCalendar calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
    }

    public Optional<Finding> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from finding where id = ?").param(id).query(ROW).optional();
    }

    /** The meeting's findings that stand: not merged into another, not withdrawn with a sent-back record. */
    public List<Finding> findings(String companyCode, String period) {
        return jdbc.sql("select " + COLUMNS + " from finding where company_code = ? and period = ? "
                        + "and status not in ('merged', 'withdrawn') order by meeting_number")
                .params(companyCode, period).query(ROW).list();
    }

    /** Every finding of the meeting, merged and withdrawn ones included. */
    public List<Finding> allFindings(String companyCode, String period) {
        return jdbc.sql("select " + COLUMNS + " from finding where company_code = ? and period = ? order by meeting_number")
                .params(companyCode, period).query(ROW).list();
    }

    /** The findings the secretary-general confirmed: improvement actions start from these only. */
    public List<Finding> confirmed(String companyCode, String period) {
        return jdbc.sql("select " + COLUMNS + " from finding where company_code = ? and period = ? and status = 'confirmed' "
                        + "order by meeting_number")
                .params(companyCode, period).query(ROW).list();
    }

    /** The kept changes of the meeting's findings, oldest first. */
    public List<FindingChange> changes(String companyCode, String period) {
        return jdbc.sql("select id, company_code, period, finding_id, department, change_type, detail, changed_by, "
                        + "changed_at from finding_change where company_code = ? and period = ? order by id")
                .params(companyCode, period).query(CHANGE).list();
    }

    /** The related departments' parts of a finding's solution, by department. */
    public List<RelatedPart> relatedParts(long findingId) {
        return jdbc.sql("select finding_id, department, part, added_by, added_at from finding_related_part "
                        + "where finding_id = ? order by department").param(findingId).query(PART).list();
    }

    /** Accepts one finding as it stands; the meeting's other findings are still open. */
    public void accept(long id, String user) {
        Finding f = changeable(id);
        setStatus(f, Finding.ACCEPTED, null);
        log(f.companyCode(), f.period(), id, f.reportingDepartment(), "accepted", "#" + f.number() + " 已接受 / accepted", user);
    }

    /**
     * The secretary-general's definition of a finding: responsible department(s), responsible
     * person, solution and deadline; the finding counts as accepted. The old values are kept in the
     * change log.
     */
    public void define(long id, List<String> responsibleDepartments, String responsibleUserId, String solution,
            LocalDate deadline, String user) {
        Finding f = changeable(id);
        jdbc.sql("update finding set responsible_departments = ?, responsible_user_id = ?, solution = ?, deadline = ?, "
                        + "status = 'accepted' where id = ?")
                .params(String.join(",", responsibleDepartments), responsibleUserId, solution,
                        deadline == null ? null : java.sql.Date.valueOf(deadline), id)
                .update();
        log(f.companyCode(), f.period(), id, f.reportingDepartment(), "edited", "#" + f.number() + " 责任部门 "
                + f.responsibleDepartments() + " → " + String.join(",", responsibleDepartments) + "；责任人 "
                + f.responsibleUserId() + " → " + responsibleUserId + "；期限 " + f.deadline() + " → " + deadline
                + "；方案 " + clip(f.solution(), 800) + " → " + clip(solution, 800), user);
    }

    /** Folds a duplicate into another finding of the same meeting; the duplicate yields no action. */
    public void merge(long duplicateId, long intoId, String user) {
        if (duplicateId == intoId) {
            throw FindingRefusal.invalid("不能把问题合并到它自己 / a finding cannot be merged into itself");
        }
        Finding duplicate = changeable(duplicateId);
        Finding into = changeable(intoId);
        if (!into.companyCode().equals(duplicate.companyCode()) || !into.period().equals(duplicate.period())) {
            throw FindingRefusal.invalid("只能合并同一次会议的问题 / only findings of the same meeting can be merged");
        }
        setStatus(duplicate, Finding.MERGED, intoId);
        log(duplicate.companyCode(), duplicate.period(), duplicateId, duplicate.reportingDepartment(), "merged",
                "#" + duplicate.number() + " 与 #" + into.number() + " 重复，已合并 / merged into #" + into.number(), user);
    }

    /** A finding the standing office missed, added by the secretary-general: accepted at once. */
    public long add(Finding f, String user) {
        long id = create(f);
        Finding saved = find(id).orElseThrow();
        jdbc.sql("update finding set status = 'accepted', deadline = ? where id = ?")
                .params(f.deadline() == null ? null : java.sql.Date.valueOf(f.deadline()), id).update();
        log(f.companyCode(), f.period(), id, f.reportingDepartment(), "added", "#" + saved.number() + " 秘书长补充 / added: "
                + saved.title(), user);
        return id;
    }

    /**
     * Sends one department's record back to the standing office: its standing findings are withdrawn
     * (kept, with the reason) and the corrected record brings new ones. Returns the withdrawn findings.
     */
    public List<Finding> sendBack(String companyCode, String period, String department, String reason, String user) {
        List<Finding> withdrawn = findings(companyCode, period).stream()
                .filter(f -> department.equals(f.reportingDepartment())).toList();
        for (Finding f : withdrawn) {
            if (Finding.CONFIRMED.equals(f.status())) {
                throw FindingRefusal.conflict("本期问题已全部确认，不能再退回 / the findings are confirmed already");
            }
        }
        for (Finding f : withdrawn) {
            setStatus(f, Finding.WITHDRAWN, null);
        }
        log(companyCode, period, null, department, "sent_back", "退回常设办公室更正 / sent back ("
                + withdrawn.size() + " 项撤回 withdrawn" + (withdrawn.isEmpty() ? "" : "："
                + String.join("、", withdrawn.stream().map(f -> "#" + f.number()).toList())) + ")：" + clip(reason, 2000), user);
        return withdrawn;
    }

    /** The secretary-general's final word: every open or accepted finding is confirmed. Returns how many. */
    public int confirmAll(String companyCode, String period, String user) {
        int confirmed = jdbc.sql("update finding set status = 'confirmed' where company_code = ? and period = ? "
                + "and status in ('open', 'accepted')").params(companyCode, period).update();
        log(companyCode, period, null, null, "confirmed", "全部确认 / confirmed all: " + confirmed, user);
        return confirmed;
    }

    /** Stores (or replaces) a related department's part of the finding's solution. */
    public void addRelatedPart(long findingId, String department, String part, String user) {
        Finding f = find(findingId).orElseThrow(() -> FindingRefusal.notFound(findingId));
        int updated = jdbc.sql("update finding_related_part set part = ?, added_by = ?, added_at = ? "
                        + "where finding_id = ? and department = ?")
                .params(part, user, Timestamp.from(calendar.now()), findingId, department).update();
        if (updated == 0) {
            jdbc.sql("insert into finding_related_part (finding_id, department, part, added_by, added_at) values (?, ?, ?, ?, ?)")
                    .params(findingId, department, part, user, Timestamp.from(calendar.now())).update();
        }
        log(f.companyCode(), f.period(), findingId, department, "related_part", "#" + f.number() + " 相关部门配合措施 / "
                + "related department's part: " + clip(part, 3000), user);
    }

    /** A related department read the finding and adds nothing. */
    public void acknowledge(long findingId, String department, String user) {
        Finding f = find(findingId).orElseThrow(() -> FindingRefusal.notFound(findingId));
        log(f.companyCode(), f.period(), findingId, department, "acknowledged", "#" + f.number() + " 相关部门已阅知 / "
                + "related department read it", user);
    }

    private Finding changeable(long id) {
        Finding f = find(id).orElseThrow(() -> FindingRefusal.notFound(id));
        if (!Finding.OPEN.equals(f.status()) && !Finding.ACCEPTED.equals(f.status())) {
            throw FindingRefusal.conflict("问题 #" + f.number() + " 已" + switch (f.status()) {
                case Finding.MERGED -> "合并";
                case Finding.WITHDRAWN -> "随退回撤回";
                default -> "最终确认";
            } + "，不能再修改 / finding #" + f.number() + " is " + f.status() + " and can no longer change");
        }
        return f;
    }

    private void setStatus(Finding f, String status, Long mergedInto) {
        jdbc.sql("update finding set status = ?, merged_into = ? where id = ?").params(status, mergedInto, f.id()).update();
    }

    private void log(String company, String period, Long findingId, String department, String type, String detail,
            String user) {
        jdbc.sql("insert into finding_change (company_code, period, finding_id, department, change_type, detail, "
                        + "changed_by, changed_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(company, period, findingId, department, type, clip(detail, 4000), user, Timestamp.from(calendar.now()))
                .update();
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /**
     * Saves the finding with the next number of its meeting. The number is read and written in one
     * statement of the caller's transaction: if the save (or anything after it in the same task
     * completion) fails, the number is not used up, so the meeting's findings stay #1, #2, #3 …
     */
    public long create(Finding f) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into finding (company_code, period, reporting_department, kpi_code, title, deviation, cause, "
                        + "cause_type, impact, proposal, related_departments, responsible_departments, solution, "
                        + "responsible_user_id, created_by, created_at, meeting_number) "
                        + "select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, coalesce(max(meeting_number), 0) + 1 "
                        + "from finding where company_code = ? and period = ?")
                .params(f.companyCode(), f.period(), f.reportingDepartment(), f.kpiCode(), f.title(), f.deviation(),
                        f.cause(), f.causeType(), f.impact(), f.proposal(), f.relatedDepartments(),
                        f.responsibleDepartments(), f.solution(), f.responsibleUserId(), f.createdBy(),
                        Timestamp.from(calendar.now()), f.companyCode(), f.period())
                .update(keys, "id");
        long id = keys.getKey().longValue();
        log(f.companyCode(), f.period(), id, f.reportingDepartment(), "recorded", f.title(), f.createdBy());
        return id;
    }
}
