package com.perftrack.dashboard;

import com.perftrack.action.ActionView;
import com.perftrack.agenda.Agenda;
import com.perftrack.meeting.Attendance;
import com.perftrack.meeting.DepartmentFeedback;
import com.perftrack.meeting.Finding;
import com.perftrack.meeting.FindingChange;
import com.perftrack.meeting.RelatedPart;
import com.perftrack.meeting.ResourceRequest;
import com.perftrack.meeting.StandIn;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The review meeting as a workbook: the confirmed agenda, the minutes (findings), last cycle's action
 * results, who was there (chair, attendees, absentees, the vice chair's stand-ins), the resource
 * decisions and the praise or criticism per department. Every sheet prints landscape, one page wide.
 */
final class MinutesWorkbook {

    /** What the meeting recorded beyond its findings; any part may be empty. */
    record Record(Attendance attendance, List<StandIn> standIns, List<ResourceRequest> requests,
            List<DepartmentFeedback> feedback, List<FindingChange> changes, Map<Long, List<RelatedPart>> relatedParts) {

        static final Record NONE = new Record(null, List.of(), List.of(), List.of());

        Record(Attendance attendance, List<StandIn> standIns, List<ResourceRequest> requests,
                List<DepartmentFeedback> feedback) {
            this(attendance, standIns, requests, feedback, List.of(), Map.of());
        }
    }

    private MinutesWorkbook() {
    }

    static byte[] write(String companyName, String period, Agenda agenda, List<Finding> findings,
            List<ActionView> actionResults) {
        return write(companyName, period, agenda, findings, actionResults, Record.NONE);
    }

    static byte[] write(String companyName, String period, Agenda agenda, List<Finding> findings,
            List<ActionView> actionResults, Record record) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);

            Sheet agendaSheet = workbook.createSheet("会议议程 Agenda");
            row(agendaSheet, 0, header, companyName + " 业绩跟踪质询会议 " + period);
            if (agenda == null) {
                row(agendaSheet, 1, null, "尚无议程 / no agenda yet");
            } else {
                row(agendaSheet, 1, null, "会议目的 Purpose", agenda.purpose());
                row(agendaSheet, 2, null, "时间 Time", agenda.meetingStart().toString().replace('T', ' '),
                        agenda.lengthMinutes() + " 分钟 min", "状态 " + agenda.status(),
                        agenda.confirmedBy() == null ? "" : "确认人 " + agenda.confirmedBy());
                row(agendaSheet, 4, header, "序号 #", "开始 Start", "议题 Item", "部门 Department", "分钟 Minutes");
                LocalDateTime at = agenda.meetingStart();
                int r = 5;
                for (Agenda.Item item : agenda.items()) {
                    row(agendaSheet, r++, null, item.position(), at.toLocalTime().toString(), item.title(),
                            item.department() == null ? "" : item.department(), item.minutes());
                    at = at.plusMinutes(item.minutes());
                }
                row(agendaSheet, r, header, "", "", "合计 Total", "", agenda.totalMinutes());
                if (!agenda.notes().isEmpty()) { // the meeting notes the agenda was confirmed with (issue 13)
                    r += 2;
                    row(agendaSheet, r++, header, "", "", "备注 Notes");
                    for (String note : agenda.notes()) {
                        row(agendaSheet, r++, null, "", "", note);
                    }
                }
            }

            Sheet minutes = workbook.createSheet("会议纪要 Minutes");
            row(minutes, 0, header, "#", "汇报部门 Reporting", "KPI", "偏差 Deviation", "原因 Cause", "内/外 Type",
                    "量化影响 Impact", "改进建议/资源需求 Proposal", "相关部门 Related", "责任部门 Responsible",
                    "解决方案 Solution", "责任人 Person", "记录人 Recorded by", "资源需求 Resource request",
                    "状态 Status", "期限 Deadline", "相关部门的部分 Related departments' parts");
            int r = 1;
            for (Finding f : findings) {
                String request = record.requests().stream().filter(q -> f.id() != null && q.findingId() == f.id())
                        .findFirst().map(q -> "#" + q.id() + " " + q.request() + " → " + q.providerLabel() + "：" + q.statusLabel())
                        .orElse("");
                row(minutes, r++, null, f.number(), f.reportingDepartment(), nz(f.kpiCode()), nz(f.deviation()), nz(f.cause()),
                        nz(f.causeType()), nz(f.impact()), nz(f.proposal()), nz(f.relatedDepartments()),
                        f.responsibleDepartments(), f.solution(), nz(f.responsibleUserId()), nz(f.createdBy()), request,
                        nz(f.status()), f.deadline() == null ? "" : f.deadline().toString(),
                        String.join("；", record.relatedParts().getOrDefault(f.id(), List.of()).stream()
                                .map(p -> p.department() + "：" + p.part()).toList()));
            }

            Sheet results = workbook.createSheet("上期行动结果 Action results");
            row(results, 0, header, "#", "改进行动 Action", "责任部门 Department", "负责人 Owner", "期限 Deadline",
                    "状态 Status", "结果 Outcome", "经验/批评 Note", "记录于 Meeting", "决定 Decision", "轮次 Round",
                    "关闭理由 Close reason", "总经理批示 Chair's instruction");
            r = 1;
            for (ActionView a : actionResults) {
                row(results, r++, null, a.actionId(), nz(a.item()), a.responsibleDepartment(), nz(a.ownerUserId()),
                        a.deadline() == null ? "" : a.deadline().toString(), a.status(), nz(a.outcome()),
                        nz(a.outcomeNote()), nz(a.outcomePeriod()), decision(a.outcomeDecision()), a.round(),
                        nz(a.closeReason()), nz(a.chairInstruction()));
            }
            Sheet finalWord = workbook.createSheet("秘书长终审 Final word");
            row(finalWord, 0, header, "问题 Finding", "部门 Department", "变更 Change", "内容 Detail", "人 By", "时间 At");
            r = 1;
            for (FindingChange c : record.changes()) {
                row(finalWord, r++, null, c.findingId() == null ? "" : "#" + c.findingId(), nz(c.department()),
                        c.changeType(), nz(c.detail()), nz(c.changedBy()), c.changedAt().toString());
            }

            Sheet attendance = workbook.createSheet("出席 Attendance");
            Attendance a = record.attendance();
            row(attendance, 0, header, "主持 Chair", "主任缺席 Chair absent", "到会 Attendees", "缺席 Absentees", "说明 Note");
            if (a == null) {
                row(attendance, 1, null, "尚未记录 / not recorded");
            } else {
                row(attendance, 1, null, nz(a.chair()), a.chairAbsent() ? "是 yes（副主任主持 vice chair chairs）" : "否 no",
                        String.join("、", a.attendees()), String.join("、", a.absentees()), nz(a.note()));
            }
            row(attendance, 3, header, "副主任代行 Stand-in", "任务 Task", "时间 At");
            r = 4;
            for (StandIn standIn : record.standIns()) {
                row(attendance, r++, null, standIn.userId(), nz(standIn.taskName()), standIn.completedAt().toString());
            }

            Sheet decisions = workbook.createSheet("资源需求决定 Resource decisions");
            row(decisions, 0, header, "#", "提出期 Period", "问题 Finding", "部门 Department", "资源需求 Request",
                    "提供方 From", "状态 Status", "决定人 Decided by", "理由 Reason");
            r = 1;
            for (ResourceRequest q : record.requests()) {
                row(decisions, r++, null, q.id(), q.period(), q.findingId(), q.department(), q.request(), q.providerLabel(),
                        q.statusLabel(), nz(q.decidedBy()) + (q.standIn() ? "（副主任代行 stand-in）" : ""), nz(q.reason()));
            }

            Sheet praise = workbook.createSheet("经验分享与批评 Praise and criticism");
            row(praise, 0, header, "部门 Department", "结论 Verdict", "内容 What was said", "行动 Actions", "记录人 Recorded by");
            r = 1;
            for (DepartmentFeedback f : record.feedback()) {
                row(praise, r++, null, f.department(), f.kindLabel(), f.feedback(), nz(f.actionIds()), nz(f.recordedBy()));
            }

            for (Sheet sheet : List.of(agendaSheet, minutes, results, finalWord, attendance, decisions, praise)) {
                sheet.getPrintSetup().setLandscape(true);
                sheet.setFitToPage(true);
                sheet.getPrintSetup().setFitWidth((short) 1);
                sheet.getPrintSetup().setFitHeight((short) 0);
                for (int c = 0; c < 17; c++) {
                    sheet.setColumnWidth(c, 20 * 256);
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }

    private static void row(Sheet sheet, int index, CellStyle style, Object... values) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < values.length; i++) {
            var cell = row.createCell(i);
            if (values[i] instanceof Number n) {
                cell.setCellValue(n.doubleValue());
            } else {
                cell.setCellValue(String.valueOf(values[i]));
            }
            if (style != null) {
                cell.setCellStyle(style);
            }
        }
    }

    /** The committee's decision on a "not improved" result, in words. */
    private static String decision(String decision) {
        if (decision == null || decision.isBlank()) {
            return "";
        }
        return switch (decision) {
            case "REISSUE" -> "再次下发 reissued";
            case "CLOSE" -> "委员会关闭 closed by the committee";
            default -> decision;
        };
    }
}
