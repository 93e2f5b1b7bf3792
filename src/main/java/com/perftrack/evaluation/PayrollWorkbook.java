package com.perftrack.evaluation;

import com.perftrack.calendar.Quarter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The quarter's bonuses and fines for payroll (issue 14): one row per person whose BONUS or FINE
 * stands after confirmation, the sum as a number cell in CNY with two decimals (a fine in its own
 * column, so payroll never has to read a sign), and a row that still waits for HR's sum says so
 * instead of paying zero. Totals under each column.
 */
final class PayrollWorkbook {

    static final String[] HEADER = {"季度 Quarter", "公司 Company", "人员编码 Person code", "姓名 Name", "岗位 Role",
            "结果 Outcome", "奖金 Bonus (CNY)", "罚款 Fine (CNY)", "金额来源 Source", "状态 State", "人力资源部确认 Confirmed by",
            "总经理批准 Approved by"};

    private PayrollWorkbook() {
    }

    static byte[] write(Quarter quarter, List<EvaluationView> rows, Map<String, String> names) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            CellStyle money = workbook.createCellStyle();
            money.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));

            Sheet sheet = workbook.createSheet("奖罚金额 Payroll " + quarter);
            Row head = sheet.createRow(0);
            for (int c = 0; c < HEADER.length; c++) {
                Cell cell = head.createCell(c);
                cell.setCellValue(HEADER[c]);
                cell.setCellStyle(header);
            }
            BigDecimal bonuses = BigDecimal.ZERO;
            BigDecimal fines = BigDecimal.ZERO;
            int r = 1;
            for (EvaluationView e : rows) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(e.quarter());
                row.createCell(1).setCellValue(e.companyCode());
                row.createCell(2).setCellValue(e.personCode());
                row.createCell(3).setCellValue(names.getOrDefault(e.personCode(), e.personCode()));
                row.createCell(4).setCellValue(e.peerGroup());
                row.createCell(5).setCellValue(EvaluationLabels.outcome(e.outcome()));
                boolean bonus = Outcomes.BONUS.equals(e.outcome());
                Cell sum = row.createCell(bonus ? 6 : 7);
                if (e.amount() == null) {
                    sum.setCellValue("待人力资源部填写 to be entered by HR");
                } else {
                    sum.setCellValue(e.amount().doubleValue());
                    sum.setCellStyle(money);
                    if (bonus) {
                        bonuses = bonuses.add(e.amount());
                    } else {
                        fines = fines.add(e.amount());
                    }
                }
                row.createCell(8).setCellValue(source(e.amountRule()));
                row.createCell(9).setCellValue(e.state());
                row.createCell(10).setCellValue(e.confirmedBy() == null ? "" : e.confirmedBy());
                row.createCell(11).setCellValue(e.approvedBy() == null ? "" : e.approvedBy());
            }
            Row total = sheet.createRow(r);
            Cell label = total.createCell(5);
            label.setCellValue("合计 Total");
            label.setCellStyle(header);
            total.createCell(6).setCellValue(bonuses.doubleValue());
            total.getCell(6).setCellStyle(money);
            total.createCell(7).setCellValue(fines.doubleValue());
            total.getCell(7).setCellStyle(money);
            for (int c = 0; c < HEADER.length; c++) {
                sheet.setColumnWidth(c, 18 * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String source(String rule) {
        if (rule == null) {
            return "";
        }
        return switch (rule) {
            case OutcomeRules.FIXED -> "固定金额 fixed sum";
            case OutcomeRules.SHARE -> "基数比例 share of the base";
            default -> "人力资源部填写 entered by HR";
        };
    }
}
