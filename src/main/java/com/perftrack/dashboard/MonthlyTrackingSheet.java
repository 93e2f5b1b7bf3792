package com.perftrack.dashboard;

import com.perftrack.kpi.Kpi;
import com.perftrack.kpi.KpiResultView;
import com.perftrack.meeting.Finding;
import com.perftrack.organisation.OrgUnit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the method's monthly tracking sheet (月度业绩跟踪表): one row per unit and KPI with
 * target, actual, deviation, attainment and status (cells coloured like the dashboard), the
 * meeting's cause, improvement measure and owner beside the company row of the KPI, and the
 * month's findings on a second sheet. Numbers are numeric cells holding the values of
 * {@code /api/kpi-results}; only the display format rounds.
 */
final class MonthlyTrackingSheet {

    static final String SHEET = "月度跟踪表 Tracking";
    static final String FINDINGS_SHEET = "问题与措施 Findings";
    static final String[] HEADER = {"单位类型 Unit type", "单位编码 Code", "单位名称 Name", "指标 KPI", "指标名称 KPI name",
        "目标 Target", "实际 Actual", "偏差 Deviation", "偏差率 Deviation %", "达成率 Attainment", "环比 MoM",
        "同比 YoY", "状态 Status", "排名 Rank", "原因 Cause", "改进措施 Measure", "责任人 Owner"};
    /** Column indexes the tests read back. */
    static final int TARGET = 5;
    static final int ACTUAL = 6;
    static final int DEVIATION = 7;
    static final int ATTAINMENT = 9;
    static final int STATUS = 12;

    record Line(OrgUnit unit, Kpi kpi, KpiResultView result, Finding finding) {}

    private MonthlyTrackingSheet() {
    }

    static byte[] write(String companyName, String period, List<Line> lines, List<Finding> findings) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(wb);
            Sheet sheet = wb.createSheet(SHEET);
            printOnePageWide(sheet);
            sheet.createRow(0).createCell(0).setCellValue(companyName + " 月度业绩跟踪表 Monthly tracking sheet " + period);
            sheet.getRow(0).getCell(0).setCellStyle(styles.title);
            Row head = sheet.createRow(2);
            for (int i = 0; i < HEADER.length; i++) {
                head.createCell(i).setCellValue(HEADER[i]);
                head.getCell(i).setCellStyle(styles.header);
            }
            int r = 3;
            for (Line line : lines) {
                Row row = sheet.createRow(r++);
                KpiResultView res = line.result();
                row.createCell(0).setCellValue(line.unit().unitType());
                row.createCell(1).setCellValue(line.unit().code());
                row.createCell(2).setCellValue(line.unit().name());
                row.createCell(3).setCellValue(line.kpi().code());
                row.createCell(4).setCellValue(line.kpi().nameZh() + " " + line.kpi().nameEn());
                number(row, TARGET, res.target(), styles.number);
                number(row, ACTUAL, res.actual(), styles.number);
                number(row, DEVIATION, res.deviation(), styles.number);
                number(row, 8, res.deviationPct(), styles.percent);
                number(row, ATTAINMENT, res.attainment(), styles.percent);
                number(row, 10, res.momGrowth(), styles.percent);
                number(row, 11, res.yoyGrowth(), styles.percent);
                row.createCell(STATUS).setCellValue(res.status() == null ? "" : res.status());
                CellStyle statusStyle = styles.status.get(res.status());
                if (statusStyle != null) {
                    row.getCell(STATUS).setCellStyle(statusStyle);
                }
                if (res.rank() != null) {
                    row.createCell(13).setCellValue(res.rank());
                }
                Finding f = line.finding();
                if (f != null) {
                    row.createCell(14).setCellValue(nullToEmpty(f.cause()));
                    row.createCell(15).setCellValue(nullToEmpty(f.solution()));
                    row.createCell(16).setCellValue(owner(f));
                }
            }
            sheet.createFreezePane(4, 3);
            for (int i = 0; i < HEADER.length; i++) {
                sheet.setColumnWidth(i, i >= 14 ? 40 * 256 : 16 * 256);
            }
            Sheet findingsSheet = wb.createSheet(FINDINGS_SHEET);
            printOnePageWide(findingsSheet);
            writeFindings(findingsSheet, findings, styles);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeFindings(Sheet sheet, List<Finding> findings, Styles styles) {
        String[] header = {"编号 Id", "指标 KPI", "问题 Problem", "偏差 Deviation", "原因 Cause", "原因类型 Cause type",
            "改进措施 Measure", "责任部门 Responsible", "责任人 Owner"};
        Row head = sheet.createRow(0);
        for (int i = 0; i < header.length; i++) {
            head.createCell(i).setCellValue(header[i]);
            head.getCell(i).setCellStyle(styles.header);
            sheet.setColumnWidth(i, 24 * 256);
        }
        int r = 1;
        for (Finding f : findings) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(f.number()); // the number the meeting gave it (#1, #2 …)
            row.createCell(1).setCellValue(nullToEmpty(f.kpiCode()));
            row.createCell(2).setCellValue(nullToEmpty(f.title()));
            row.createCell(3).setCellValue(nullToEmpty(f.deviation()));
            row.createCell(4).setCellValue(nullToEmpty(f.cause()));
            row.createCell(5).setCellValue(nullToEmpty(f.causeType()));
            row.createCell(6).setCellValue(nullToEmpty(f.solution()));
            row.createCell(7).setCellValue(nullToEmpty(f.responsibleDepartments()));
            row.createCell(8).setCellValue(owner(f));
        }
    }

    private static String owner(Finding f) {
        String user = nullToEmpty(f.responsibleUserId());
        String departments = nullToEmpty(f.responsibleDepartments());
        return user.isEmpty() ? departments : user + (departments.isEmpty() ? "" : " (" + departments + ")");
    }

    private static void number(Row row, int column, BigDecimal value, CellStyle style) {
        if (value != null) {
            row.createCell(column).setCellValue(value.doubleValue());
            row.getCell(column).setCellStyle(style);
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static final class Styles {
        final CellStyle title;
        final CellStyle header;
        final CellStyle number;
        final CellStyle percent;
        final Map<String, CellStyle> status;

        Styles(XSSFWorkbook wb) {
            var bold = wb.createFont();
            bold.setBold(true);
            title = wb.createCellStyle();
            title.setFont(bold);
            header = wb.createCellStyle();
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setBorderBottom(BorderStyle.THIN);
            number = wb.createCellStyle();
            number.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
            percent = wb.createCellStyle();
            percent.setDataFormat(wb.createDataFormat().getFormat("0.0%"));
            status = Map.of("green", fill(wb, IndexedColors.LIGHT_GREEN), "amber", fill(wb, IndexedColors.LIGHT_ORANGE),
                    "red", fill(wb, IndexedColors.CORAL));
        }

        private static CellStyle fill(XSSFWorkbook wb, IndexedColors colour) {
            CellStyle style = wb.createCellStyle();
            style.setFillForegroundColor(colour.getIndex());
            style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            return style;
        }
    }

    /** Landscape, every column on one page width: the sheet is printed for the meeting. */
    static void printOnePageWide(Sheet sheet) {
        sheet.getPrintSetup().setLandscape(true);
        sheet.getPrintSetup().setPaperSize(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
    }
}
