package com.perftrack.meeting;

import com.perftrack.calendar.BusinessCalendar;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores and reads resource requests (table {@code resource_request}). One request per finding;
 * saving it again changes nothing, deciding it again with the same decision changes nothing, and a
 * decided request cannot be decided the other way.
 */
@Service
public class ResourceRequestService {

    private static final String COLUMNS = "id, company_code, period, department, finding_id, what, amount, "
            + "requested_from, status, decided_by, stand_in, reason, decided_at, process_instance_id";
    private static final RowMapper<ResourceRequest> ROW = (rs, n) -> new ResourceRequest(rs.getLong(1),
            rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getString(6), rs.getString(7),
            rs.getString(8), rs.getString(9), rs.getString(10), rs.getBoolean(11), rs.getString(12),
            rs.getTimestamp(13) == null ? null : rs.getTimestamp(13).toInstant(), rs.getString(14));

    private final JdbcClient jdbc;
    private final BusinessCalendar calendar;

    public ResourceRequestService(JdbcClient jdbc, BusinessCalendar calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
    }

    /** Saves the finding's request unless it has one; returns the stored request either way. */
    @Transactional
    public ResourceRequest request(Finding finding, String what, String amount, String requestedFrom, String createdBy) {
        jdbc.sql("insert into resource_request (company_code, period, department, finding_id, what, amount, "
                        + "requested_from, status, created_by, created_at) select ?, ?, ?, ?, ?, ?, ?, 'open', ?, ? "
                        + "where not exists (select 1 from resource_request where finding_id = ?)")
                .params(finding.companyCode(), finding.period(), finding.reportingDepartment(), finding.id(), what,
                        amount, requestedFrom, createdBy, Timestamp.from(calendar.now()), finding.id())
                .update();
        return forFinding(finding.id()).orElseThrow();
    }

    public Optional<ResourceRequest> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from resource_request where id = ?").param(id).query(ROW).optional();
    }

    /** The request of a finding, if its cause is external and asked for one. */
    public Optional<ResourceRequest> forFinding(long findingId) {
        return jdbc.sql("select " + COLUMNS + " from resource_request where finding_id = ?").param(findingId)
                .query(ROW).optional();
    }

    /**
     * A request lives as long as its finding: one whose finding was withdrawn (its record sent back
     * and recorded anew, with a new request) or merged into another is no longer anybody's to decide.
     */
    private static final String FINDING_STANDS = "not exists (select 1 from finding f where f.id = r.finding_id "
            + "and f.status in ('merged', 'withdrawn'))";

    /** The company's requests, of one period or all (null), of one status or all (null), oldest first. */
    public List<ResourceRequest> requests(String companyCode, String period, String status) {
        return jdbc.sql("select " + COLUMNS + " from resource_request r where company_code = :company "
                        + "and (cast(:period as varchar(7)) is null or period = :period) "
                        + "and (cast(:status as varchar(16)) is null or status = :status) and " + FINDING_STANDS
                        + " order by period, id")
                .param("company", companyCode).param("period", period).param("status", status).query(ROW).list();
    }

    /**
     * What the agenda of {@code period}'s meeting lists: every request of an earlier meeting still
     * open, and those decided since that company's previous meeting (its attendance record; all
     * decided ones when none was recorded).
     */
    public List<ResourceRequest> forAgenda(String companyCode, String period) {
        return jdbc.sql("select " + COLUMNS + " from resource_request r where company_code = :company and period < :period "
                        + "and (status = 'open' or decided_at >= coalesce((select max(recorded_at) from meeting_attendance a "
                        + "where a.company_code = :company and a.period < :period), timestamp '1970-01-01 00:00:00')) "
                        + "and " + FINDING_STANDS + " order by period, id")
                .param("company", companyCode).param("period", period).query(ROW).list();
    }

    /** Marks the request's decision process as started; false when it already had one. */
    @Transactional
    public boolean started(long id, String processInstanceId) {
        return jdbc.sql("update resource_request set process_instance_id = ? where id = ? and process_instance_id is null")
                .params(processInstanceId, id).update() == 1;
    }

    /**
     * Records the provider's decision. The same decision again (a retried job) changes nothing.
     *
     * @throws IllegalStateException when the request was already decided the other way
     */
    @Transactional
    public ResourceRequest decide(long id, boolean grant, String reason, String decidedBy, boolean standIn) {
        String status = grant ? ResourceRequest.GRANTED : ResourceRequest.DECLINED;
        int updated = jdbc.sql("update resource_request set status = ?, reason = ?, decided_by = ?, stand_in = ?, "
                        + "decided_at = ? where id = ? and status = 'open'")
                .params(status, reason, decidedBy, standIn, Timestamp.from(calendar.now()), id).update();
        ResourceRequest request = find(id).orElseThrow(() -> new IllegalArgumentException(
                "资源需求不存在 / no resource request " + id));
        if (updated == 0 && !request.status().equals(status)) {
            throw new IllegalStateException("资源需求 #" + id + " 已" + request.statusLabel() + "，不能再改 / request "
                    + id + " was already " + request.status());
        }
        return request;
    }
}
