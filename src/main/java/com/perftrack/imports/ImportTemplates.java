package com.perftrack.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** XLSX templates: SPEC.md's header and one example row, all cells text so Excel keeps 2026-01 as typed. */
final class ImportTemplates {

    private ImportTemplates() {
    }

    static byte[] organisation() {
        return workbook("organisation", OrganisationFileValidator.COLUMNS,
                List.of("person", "P-0001", "张三", "R-EAST", "zhang.san", "zhang.san@example.com", "employee"));
    }

    /**
     * The first sheet is the file to fill in (only it is imported); a second sheet explains the
     * optional columns, e.g. a target given as growth (issue 14).
     */
    static byte[] figures() {
        List<String> header = new java.util.ArrayList<>(FigureFileValidator.COLUMNS);
        header.addAll(FigureFileValidator.DIMENSION_COLUMNS);
        return workbook("figures", header,
                List.of("2026-01", "person", "P-0001", "SALES_AMOUNT", "100000", "95000.50", "", "", ""), List.of(
                        List.of("可选列 optional column", "说明 meaning", "示例 example"),
                        List.of("product / channel / customer", "产品、渠道、客户（可留空）。填了的行是该单位数字的一部分；某单位只有分项而没有合计行时，"
                                + "其合计 = 各分项汇总（目标与实际同样）。/ a row with a value here is a part of its unit's figure; "
                                + "without a total row the unit's figure is the aggregate of its parts", "2026-01,person,P-0001,SALES_AMOUNT,50000,48000,产品A,线上,客户甲"),
                        List.of("period YYYY-MM-DD", "按日填报：period 写日期，当月数字 = 各日汇总（合计、平均或最后一日）；同时给出月度行时以月度行为准并提示差异。"
                                + " / daily figures: the month's figure is their aggregate; a monthly row wins, with a warning", "2026-01-15,person,P-0001,SALES_AMOUNT,5000,5200,,,"),
                        List.of("target_growth", "目标按增长率给出（小数，0.10 = 增长10%），此时 target 留空；目标 = 基期实际值 × (1 + 增长率) / "
                                + "target as growth over the base month's actual (a fraction); leave target empty", "0.10"),
                        List.of("growth_base", "基期：previous_month（上月，默认）或 same_month_last_year（去年同月）/ "
                                + "the base month: previous_month (default) or same_month_last_year", "previous_month"),
                        List.of("", "例：2026-02 的目标为 2026-01 实际值增长 10% / e.g. 2026-02's target is 2026-01's actual + 10%:",
                                "2026-02,person,P-0001,SALES_AMOUNT,,,0.10,previous_month")));
    }

    static byte[] kpiCatalogue() {
        return workbook("kpi-catalogue", KpiCatalogueFileValidator.COLUMNS,
                List.of("PROJECT_COMPLETION", "项目完成率", "Project completion", "%", "avg", "higher", "4", "project-management"));
    }

    static byte[] kpiWeights() {
        return workbook("kpi-weights", KpiWeightFileValidator.COLUMNS,
                List.of("ACME", "employee", "SALES_AMOUNT", "50", "2026-Q3"));
    }

    static byte[] workbook(String name, List<String> header, List<String> example) {
        return workbook(name, header, example, List.of());
    }

    private static byte[] workbook(String name, List<String> header, List<String> example, List<List<String>> notes) {
        return sheets(name, header, List.of(example), notes);
    }

    /**
     * A workbook of text cells (Excel keeps 2026-01 as typed): the header and the rows (an example or an
     * export) on the first sheet, and the notes, if any, on a second sheet 说明 notes.
     */
    static byte[] sheets(String name, List<String> header, List<List<String>> rows, List<List<String>> notes) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(name);
            var text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));
            for (int c = 0; c < header.size(); c++) {
                sheet.setDefaultColumnStyle(c, text);
                sheet.setColumnWidth(c, 18 * 256);
            }
            write(sheet.createRow(0), header);
            for (int r = 0; r < rows.size(); r++) {
                write(sheet.createRow(r + 1), rows.get(r));
            }
            if (!notes.isEmpty()) {
                Sheet help = workbook.createSheet("说明 notes");
                for (int r = 0; r < notes.size(); r++) {
                    write(help.createRow(r), notes.get(r));
                }
                help.setColumnWidth(0, 18 * 256);
                help.setColumnWidth(1, 90 * 256);
                help.setColumnWidth(2, 40 * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Row row, List<String> values) {
        for (int c = 0; c < values.size(); c++) {
            row.createCell(c).setCellValue(values.get(c) == null ? "" : values.get(c));
        }
    }
}
