package com.perftrack.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.perftrack.action.ActionView;
import com.perftrack.meeting.Attendance;
import com.perftrack.meeting.DepartmentFeedback;
import com.perftrack.meeting.Finding;
import com.perftrack.meeting.FindingChange;
import com.perftrack.meeting.RelatedPart;
import com.perftrack.meeting.ResourceRequest;
import com.perftrack.meeting.StandIn;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The minutes export carries who was there, the resource decisions and the praise or criticism (issue 13). */
class MinutesWorkbookTest {

    static final Instant AT = Instant.parse("2026-11-06T02:00:00Z");

    @Test
    void minutes_list_chair_attendees_absentees_stand_ins_decisions_and_praise_or_criticism() throws Exception {
        Finding finding = new Finding(7L, "ACME", "2026-10", "sales", "SALES_AMOUNT", "竞品降价", "-12.5%", "竞品降价 8%",
                "external", "订单少 12 单", "抽调 3 人", "", "sales", "反促销", "sales1", "marketing.head", AT, 1);
        ResourceRequest declined = new ResourceRequest(3, "ACME", "2026-10", "sales", 7, "抽调 3 人", "3 人，2 个月",
                "committee-chair", "declined", "vice", true, "本季度不抽调", AT, "pi-3");
        ResourceRequest granted = new ResourceRequest(2, "ACME", "2026-09", "quality", 5, "检测设备", "1 台",
                "production", "granted", "production.head", false, "10 月到位", AT, "pi-2");
        var record = new MinutesWorkbook.Record(
                new Attendance("ACME", "2026-10", "vice", true, List.of("vice", "secgen"), List.of("gm", "hr.head"),
                        "总经理出差", "marketing.head", AT),
                List.of(new StandIn("t1", "ACME", "2026-10", "Task_DecideResourceRequest", "决定资源需求", "vice", AT)),
                List.of(granted, declined),
                List.of(new DepartmentFeedback("ACME", "2026-10", "quality", "criticism", "投诉周期未缩短", "42",
                                "marketing.head", AT),
                        new DepartmentFeedback("ACME", "2026-10", "sales", "share", "周计划复盘", "41", "marketing.head", AT)));
        byte[] xlsx = MinutesWorkbook.write("Acme", "2026-10", null, List.of(finding), List.of(), record);

        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet minutes = workbook.getSheet("会议纪要 Minutes");
            assertThat(text(minutes, 0, 13)).isEqualTo("资源需求 Resource request");
            assertThat(text(minutes, 1, 13)).isEqualTo("#3 抽调 3 人（数量 amount：3 人，2 个月） → 总经理 general manager：已拒绝 declined");

            Sheet who = workbook.getSheet("出席 Attendance");
            assertThat(List.of(text(who, 1, 0), text(who, 1, 1), text(who, 1, 2), text(who, 1, 3), text(who, 1, 4)))
                    .containsExactly("vice", "是 yes（副主任主持 vice chair chairs）", "vice、secgen", "gm、hr.head", "总经理出差");
            assertThat(List.of(text(who, 4, 0), text(who, 4, 1))).containsExactly("vice", "决定资源需求");

            Sheet decisions = workbook.getSheet("资源需求决定 Resource decisions");
            assertThat(List.of(text(decisions, 1, 4), text(decisions, 1, 5), text(decisions, 1, 6), text(decisions, 1, 7),
                    text(decisions, 1, 8))).containsExactly("检测设备（数量 amount：1 台）", "生产部 Production",
                    "已批准 granted", "production.head", "10 月到位");
            assertThat(List.of(text(decisions, 2, 6), text(decisions, 2, 7)))
                    .containsExactly("已拒绝 declined", "vice（副主任代行 stand-in）");

            Sheet praise = workbook.getSheet("经验分享与批评 Praise and criticism");
            assertThat(List.of(text(praise, 1, 0), text(praise, 1, 1), text(praise, 1, 2)))
                    .containsExactly("quality", "批评 criticised", "投诉周期未缩短");
            assertThat(List.of(text(praise, 2, 0), text(praise, 2, 1), text(praise, 2, 2)))
                    .containsExactly("sales", "经验分享 experience shared", "周计划复盘");
            assertThat(praise.getPrintSetup().getLandscape()).as("printable: landscape, one page wide").isTrue();
        }
    }

    @Test
    void minutes_carry_the_final_word_the_related_parts_and_the_decisions_on_not_improved_actions() throws Exception {
        Finding finding = new Finding(8L, "ACME", "2026-10", "production", null, "产能不足", "-12%", "产能不足",
                "internal", "少交 1200 台", "调班", "quality", "production", "两班改三班", "production.head", "secgen", AT, 2,
                "confirmed", null, java.time.LocalDate.parse("2026-12-31"));
        var changes = List.of(new FindingChange(1, "ACME", "2026-10", null, "production", "sent_back", "误勾本部门本期无问题",
                "secgen", AT), new FindingChange(2, "ACME", "2026-10", 8L, "production", "confirmed", null, "secgen", AT));
        var record = new MinutesWorkbook.Record(null, List.of(), List.of(), List.of(), changes,
                java.util.Map.of(8L, List.of(new RelatedPart(8L, "quality", "加开夜班检验", "quality.head", AT))));
        var closed = new ActionView(41L, 5L, "ACME", "2026-08", "华东区销售额回升", "sales", false, "sales.head", "sales",
                "sales.head", "sales1", java.time.LocalDate.parse("2026-09-30"), "SALES_AMOUNT +15%", "拜访", "DONE", 1,
                null, null, null, "NOT_IMPROVED", "市场萎缩", "2026-10", null, "pi-41", 2, 40L, "CLOSE",
                "外部市场原因，转入年度战略议题", "由销售副总牵头", false, "closed");
        byte[] xlsx = MinutesWorkbook.write("Acme", "2026-10", null, List.of(finding), List.of(closed), record);
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet results = workbook.getSheet("上期行动结果 Action results");
            assertThat(List.of(text(results, 1, 9), text(results, 1, 11), text(results, 1, 12)))
                    .containsExactly("委员会关闭 closed by the committee", "外部市场原因，转入年度战略议题", "由销售副总牵头");
            assertThat(results.getRow(1).getCell(10).getNumericCellValue()).as("round").isEqualTo(2);
            Sheet minutes = workbook.getSheet("会议纪要 Minutes");
            assertThat(List.of(text(minutes, 1, 14), text(minutes, 1, 15), text(minutes, 1, 16)))
                    .containsExactly("confirmed", "2026-12-31", "quality：加开夜班检验");
            Sheet finalWord = workbook.getSheet("秘书长终审 Final word");
            assertThat(List.of(text(finalWord, 1, 1), text(finalWord, 1, 2), text(finalWord, 1, 3), text(finalWord, 1, 4)))
                    .containsExactly("production", "sent_back", "误勾本部门本期无问题", "secgen");
            assertThat(text(finalWord, 2, 0)).isEqualTo("#8");
        }
    }

    @Test
    void a_meeting_without_attendance_says_so() throws Exception {
        byte[] xlsx = MinutesWorkbook.write("Acme", "2026-10", null, List.of(), List.of());
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(text(workbook.getSheet("出席 Attendance"), 1, 0)).isEqualTo("尚未记录 / not recorded");
        }
    }

    private static String text(Sheet sheet, int row, int cell) {
        return sheet.getRow(row).getCell(cell).getStringCellValue();
    }
}
