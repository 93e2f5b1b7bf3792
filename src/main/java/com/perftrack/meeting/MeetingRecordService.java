package com.perftrack.meeting;

import com.perftrack.calendar.BusinessCalendar;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The meeting's record beyond its findings: attendance, the vice chair's stand-ins and the praise or
 * criticism per department. Recording again replaces a meeting's attendance and a department's
 * feedback (the last word counts); a stand-in is kept once per task.
 */
@Service
public class MeetingRecordService {

    private final JdbcClient jdbc;
    private final BusinessCalendar calendar;

    public MeetingRecordService(JdbcClient jdbc, BusinessCalendar calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
    }

    @Transactional
    public void recordAttendance(String company, String period, String chair, boolean chairAbsent,
            List<String> attendees, List<String> absentees, String note, String recordedBy) {
        jdbc.sql("delete from meeting_attendance where company_code = ? and period = ?").params(company, period).update();
        jdbc.sql("insert into meeting_attendance (company_code, period, chair, chair_absent, attendees, absentees, note, "
                        + "recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(company, period, chair, chairAbsent, String.join(",", attendees), String.join(",", absentees),
                        note, recordedBy, Timestamp.from(calendar.now()))
                .update();
    }

    public Optional<Attendance> attendance(String company, String period) {
        return jdbc.sql("select company_code, period, chair, chair_absent, attendees, absentees, note, recorded_by, "
                        + "recorded_at from meeting_attendance where company_code = ? and period = ?")
                .params(company, period)
                .query((rs, n) -> new Attendance(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        split(rs.getString(5)), split(rs.getString(6)), rs.getString(7), rs.getString(8),
                        rs.getTimestamp(9).toInstant()))
                .optional();
    }

    /** Whether the chair was marked absent at the company's meeting of the period. */
    public boolean chairAbsent(String company, String period) {
        return attendance(company, period).map(Attendance::chairAbsent).orElse(false);
    }

    @Transactional
    public void recordStandIn(String taskId, String company, String period, String taskKey, String taskName,
            String userId) {
        jdbc.sql("insert into chair_stand_in (task_id, company_code, period, task_key, task_name, user_id, completed_at) "
                        + "select ?, ?, ?, ?, ?, ?, ? where not exists (select 1 from chair_stand_in where task_id = ?)")
                .params(taskId, company, period, taskKey, taskName, userId, Timestamp.from(calendar.now()), taskId)
                .update();
    }

    public List<StandIn> standIns(String company, String period) {
        return jdbc.sql("select task_id, company_code, period, task_key, task_name, user_id, completed_at "
                        + "from chair_stand_in where company_code = ? and period = ? order by completed_at, task_id")
                .params(company, period)
                .query((rs, n) -> new StandIn(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant()))
                .list();
    }

    @Transactional
    public void recordFeedback(DepartmentFeedback feedback) {
        jdbc.sql("delete from department_feedback where company_code = ? and period = ? and department = ?")
                .params(feedback.companyCode(), feedback.period(), feedback.department()).update();
        jdbc.sql("insert into department_feedback (company_code, period, department, kind, feedback, action_ids, "
                        + "recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(feedback.companyCode(), feedback.period(), feedback.department(), feedback.kind(),
                        feedback.feedback(), feedback.actionIds(), feedback.recordedBy(), Timestamp.from(calendar.now()))
                .update();
    }

    public List<DepartmentFeedback> feedback(String company, String period) {
        return jdbc.sql("select company_code, period, department, kind, feedback, action_ids, recorded_by, recorded_at "
                        + "from department_feedback where company_code = ? and period = ? order by department")
                .params(company, period)
                .query((rs, n) -> new DepartmentFeedback(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant()))
                .list();
    }

    private static List<String> split(String csv) {
        return csv == null || csv.isBlank() ? List.of()
                : Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
