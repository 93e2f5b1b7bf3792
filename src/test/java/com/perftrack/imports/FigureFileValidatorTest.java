package com.perftrack.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.perftrack.kpi.FigureView;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class FigureFileValidatorTest {

    static final Map<String, String> UNITS = Map.of("ACME", "company", "P1", "person", "R1", "region");
    static final Set<String> KPIS = Set.of("SALES_AMOUNT", "COMPLAINTS");
    final FigureFileValidator validator = new FigureFileValidator(UNITS, KPIS::contains);
    final TableReader reader = new TableReader(1000);

    List<FigureView> parse(String csv) {
        return validator.validate(reader.read(csv.getBytes(StandardCharsets.UTF_8)));
    }

    List<LineError> errorsOf(String csv) {
        try {
            parse(csv);
        } catch (ImportRejectedException e) {
            return e.errors();
        }
        throw new AssertionError("file was accepted");
    }

    @Test
    void a_good_file_with_bom_and_an_empty_cell_is_read() {
        List<FigureView> rows = parse("\uFEFFperiod,unit_type,unit_code,kpi_code,target,actual\n"
                + "2026-01,company,ACME,SALES_AMOUNT,1200000.50,\n\n"
                + "2026-01,person,P1,COMPLAINTS,-1.5e2,0\n");
        assertThat(rows).containsExactly(
                new FigureView("2026-01", "company", "ACME", "SALES_AMOUNT", new BigDecimal("1200000.50"), null),
                new FigureView("2026-01", "person", "P1", "COMPLAINTS", new BigDecimal("-1.5e2"), BigDecimal.ZERO));
    }

    @Test
    void every_kind_of_bad_line_is_reported_with_its_line_and_field() {
        List<LineError> errors = errorsOf("period,unit_type,unit_code,kpi_code,target,actual\n"
                + "2026-13,company,ACME,SALES_AMOUNT,1,1\n"          // 2 bad month
                + "2026-01,person,NOBODY,SALES_AMOUNT,1,1\n"         // 3 unknown unit
                + "2026-01,company,ACME,PROFIT,1,1\n"                // 4 unknown KPI
                + "2026-01,company,ACME,SALES_AMOUNT,\"1,200\",1\n"  // 5 thousands separator
                + "2026-01,team,ACME,SALES_AMOUNT,1,1\n"             // 6 unknown unit type
                + "2026-01,company,ACME,SALES_AMOUNT,1\n"             // 7 missing column
                + "2026-01,company,ACME,SALES_AMOUNT,1,NaN\n"        // 8 non-finite
                + "2026-01,company,ACME,SALES_AMOUNT,1,1\n");        // 9 good
        assertThat(errors).extracting(LineError::line, LineError::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2, "period"),
                org.assertj.core.groups.Tuple.tuple(3, "unit_code"),
                org.assertj.core.groups.Tuple.tuple(4, "kpi_code"),
                org.assertj.core.groups.Tuple.tuple(5, "target"),
                org.assertj.core.groups.Tuple.tuple(6, "unit_type"),
                org.assertj.core.groups.Tuple.tuple(7, "actual"),
                org.assertj.core.groups.Tuple.tuple(8, "actual"));
        assertThat(errors.get(3).message()).contains("thousands");
        assertThat(errors.get(5).message()).contains("missing column");
        assertThat(errors.get(6).message()).contains("finite");
    }

    @Test
    void unquoted_thousands_separator_infinity_percent_and_wrong_unit_type_are_refused() {
        List<LineError> errors = errorsOf("period,unit_type,unit_code,kpi_code,target,actual\n"
                + "2026-01,company,ACME,SALES_AMOUNT,1,200,000\n"
                + "2026-01,company,ACME,SALES_AMOUNT,Infinity,1\n"
                + "2026-01,company,ACME,SALES_AMOUNT,72%,1\n"
                + "2026-01,region,P1,SALES_AMOUNT,1,1\n"
                + "2026-1,company,ACME,SALES_AMOUNT,1e20,1\n");
        assertThat(errors).extracting(LineError::line).containsExactly(2, 3, 4, 5, 6, 6);
        assertThat(errors.get(0).message()).contains("thousands");
        assertThat(errors.get(1).message()).contains("finite");
        assertThat(errors.get(2).message()).contains("fractions");
        assertThat(errors.get(3).field()).isEqualTo("unit_type");
        assertThat(errors.get(4).field()).isEqualTo("period");
        assertThat(errors.get(5).message()).contains("out of range");
    }

    @Test
    void numbers_the_database_cannot_hold_and_periods_out_of_range_get_a_line_error_not_a_failure() {
        List<LineError> errors = errorsOf("period,unit_type,unit_code,kpi_code,target,actual\n"
                + "2026-01,company,ACME,SALES_AMOUNT,1,1e2147483648\n"
                + "2026-01,company,ACME,SALES_AMOUNT,99999999999999.9999999,1\n"
                + "2026-01,company,ACME,SALES_AMOUNT,1." + "1".repeat(60) + ",1\n"
                + "0000-01,company,ACME,SALES_AMOUNT,1,1\n"
                + "2026-01,company,ACME,SALES_AMOUNT,0.123456,2.5e-5\n");
        assertThat(errors).extracting(LineError::line).containsExactly(2, 3, 4, 5);
        assertThat(errors.get(0).field()).isEqualTo("actual");
        assertThat(errors.get(0).message()).contains("out of range");
        assertThat(errors.get(1).field()).isEqualTo("target");
        assertThat(errors.get(1).message()).contains("6 decimal places");
        assertThat(errors.get(2).message()).contains("not a number").hasSizeLessThan(120);
        assertThat(errors.get(3).field()).isEqualTo("period");
        assertThat(errors.get(3).message()).contains("1970-01").contains("2099-12");
    }

    @Test
    void a_duplicate_header_column_rejects_the_file() {
        assertThat(errorsOf("period,unit_type,unit_code,kpi_code,target,actual,actual\n2026-01,company,ACME,SALES_AMOUNT,1,1,2\n"))
                .anySatisfy(e -> assertThat(e.message()).contains("duplicate column 'actual'"));
    }

    @Test
    void a_missing_header_column_rejects_the_file_at_line_1() {
        assertThat(errorsOf("period,unit_type,unit_code,kpi_code,target\n2026-01,company,ACME,SALES_AMOUNT,1\n"))
                .containsExactly(new LineError(1, "actual", "表头缺少列 'actual' / missing column; expected "
                        + "period,unit_type,unit_code,kpi_code,target,actual"));
    }

    @Test
    void too_many_rows_and_empty_files_are_refused() {
        TableReader small = new TableReader(1);
        assertThatThrownBy(() -> small.read(("period,unit_type,unit_code,kpi_code,target,actual\n"
                + "2026-01,company,ACME,SALES_AMOUNT,1,1\n2026-02,company,ACME,SALES_AMOUNT,1,1\n").getBytes()))
                .isInstanceOfSatisfying(ImportRejectedException.class,
                        e -> assertThat(e.errors().get(0).message()).contains("more than 1"));
        assertThatThrownBy(() -> reader.read(new byte[0])).isInstanceOf(ImportRejectedException.class);
        assertThat(errorsOf("period,unit_type,unit_code,kpi_code,target,actual\n"))
                .extracting(LineError::message).allMatch(m -> m.contains("no data lines"));
    }

    @Test
    void xlsx_with_numeric_cells_date_period_and_trailing_empty_cell_is_read() throws Exception {
        byte[] xlsx;
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = wb.createSheet();
            var header = sheet.createRow(0);
            String[] columns = {"period", "unit_type", "unit_code", "kpi_code", "target", "actual"};
            for (int i = 0; i < columns.length; i++) {
                header.createCell(i).setCellValue(columns[i]);
            }
            var row = sheet.createRow(1);
            row.createCell(0).setCellValue("2026-02");
            row.createCell(1).setCellValue("company");
            row.createCell(2).setCellValue("ACME");
            row.createCell(3).setCellValue("SALES_AMOUNT");
            row.createCell(4).setCellValue(0.72);
            row.createCell(5).setCellValue(1200000);
            var dated = sheet.createRow(3); // an empty row 3 in between
            var dateStyle = wb.createCellStyle();
            dateStyle.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm"));
            var dateCell = dated.createCell(0);
            dateCell.setCellValue(java.time.LocalDate.of(2026, 3, 1));
            dateCell.setCellStyle(dateStyle);
            dated.createCell(1).setCellValue("person");
            dated.createCell(2).setCellValue("P1");
            dated.createCell(3).setCellValue("COMPLAINTS");
            dated.createCell(4).setCellValue(3);
            wb.write(out);
            xlsx = out.toByteArray();
        }
        assertThat(validator.validate(reader.read(xlsx))).containsExactly(
                new FigureView("2026-02", "company", "ACME", "SALES_AMOUNT", new BigDecimal("0.72"), new BigDecimal("1200000")),
                new FigureView("2026-03", "person", "P1", "COMPLAINTS", new BigDecimal("3"), null));
    }

    @Test
    void xlsx_errors_carry_excel_row_numbers() throws Exception {
        byte[] template = ImportTemplates.figures();
        try (XSSFWorkbook wb = new XSSFWorkbook(new java.io.ByteArrayInputStream(template));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.getSheetAt(0).getRow(1).getCell(2).setCellValue("ACME");
            var bad = wb.getSheetAt(0).createRow(4);
            String[] values = {"2026-01", "company", "ACME", "UNKNOWN", "1", "1"};
            for (int i = 0; i < values.length; i++) {
                bad.createCell(i).setCellValue(values[i]);
            }
            wb.write(out);
            assertThatThrownBy(() -> validator.validate(reader.read(out.toByteArray())))
                    .isInstanceOfSatisfying(ImportRejectedException.class, e -> assertThat(e.errors())
                            .extracting(LineError::line, LineError::field)
                            .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "unit_type"),
                                    org.assertj.core.groups.Tuple.tuple(5, "kpi_code")));
        }
    }

    @Test
    void days_and_dimension_values_make_parts_and_the_rest_stays_a_total_row() {
        var parsed = validator.parse(reader.read(("period,unit_type,unit_code,kpi_code,target,actual,product,channel,customer\n"
                + "2026-03,person,P1,SALES_AMOUNT,100,90,,,\n"
                + "2026-03-05,person,P1,SALES_AMOUNT,10,12,,,\n"
                + "2026-03,person,P1,SALES_AMOUNT,50,40,产品A,线上,\n").getBytes(StandardCharsets.UTF_8)));
        assertThat(parsed.rows()).containsExactly(new FigureView("2026-03", "person", "P1", "SALES_AMOUNT",
                new BigDecimal("100"), new BigDecimal("90")));
        assertThat(parsed.rowLines()).containsExactly(2);
        assertThat(parsed.parts()).containsExactly(
                new com.perftrack.kpi.FigurePart("2026-03", 5, "person", "P1", "SALES_AMOUNT", "", "", "",
                        new BigDecimal("10"), new BigDecimal("12")),
                new com.perftrack.kpi.FigurePart("2026-03", 0, "person", "P1", "SALES_AMOUNT", "产品A", "线上", "",
                        new BigDecimal("50"), new BigDecimal("40")));
        assertThat(parsed.partLines()).containsExactly(3, 4);
    }

    @Test
    void an_impossible_day_and_a_growth_target_on_a_part_are_refused() {
        assertThat(errorsOf("period,unit_type,unit_code,kpi_code,target,actual,target_growth,product\n"
                + "2026-02-30,person,P1,SALES_AMOUNT,1,1,,\n"
                + "2026-02,person,P1,SALES_AMOUNT,,,0.1,产品A\n"
                + "2026-2-3,person,P1,SALES_AMOUNT,1,1,,\n"))
                .extracting(LineError::line, LineError::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "period"),
                        org.assertj.core.groups.Tuple.tuple(3, "target_growth"),
                        org.assertj.core.groups.Tuple.tuple(4, "period"));
    }

    @Test
    void an_xlsx_date_cell_showing_the_day_is_a_day() throws Exception {
        byte[] xlsx;
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = wb.createSheet();
            var header = sheet.createRow(0);
            String[] columns = {"period", "unit_type", "unit_code", "kpi_code", "target", "actual"};
            for (int i = 0; i < columns.length; i++) {
                header.createCell(i).setCellValue(columns[i]);
            }
            var style = wb.createCellStyle();
            style.setDataFormat(wb.createDataFormat().getFormat("yyyy/m/d"));
            var row = sheet.createRow(1);
            var date = row.createCell(0);
            date.setCellValue(java.time.LocalDate.of(2026, 3, 9));
            date.setCellStyle(style);
            row.createCell(1).setCellValue("person");
            row.createCell(2).setCellValue("P1");
            row.createCell(3).setCellValue("SALES_AMOUNT");
            row.createCell(4).setCellValue(10);
            row.createCell(5).setCellValue(11);
            wb.write(out);
            xlsx = out.toByteArray();
        }
        var parsed = validator.parse(reader.read(xlsx));
        assertThat(parsed.parts()).singleElement().satisfies(p -> {
            assertThat(p.period()).isEqualTo("2026-03");
            assertThat(p.day()).isEqualTo(9);
        });
    }
}
