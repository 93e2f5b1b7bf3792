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

    static byte[] figures() {
        return workbook("figures", FigureFileValidator.COLUMNS,
                List.of("2026-01", "person", "P-0001", "SALES_AMOUNT", "100000", "95000.50"));
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
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(name);
            var text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));
            for (int c = 0; c < header.size(); c++) {
                sheet.setDefaultColumnStyle(c, text);
                sheet.setColumnWidth(c, 18 * 256);
            }
            write(sheet.createRow(0), header);
            write(sheet.createRow(1), example);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Row row, List<String> values) {
        for (int c = 0; c < values.size(); c++) {
            row.createCell(c).setCellValue(values.get(c));
        }
    }
}
