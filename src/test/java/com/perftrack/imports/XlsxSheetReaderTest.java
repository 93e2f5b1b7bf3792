package com.perftrack.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.perftrack.kpi.FigureView;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Issue 12: XLSX read as a stream, limits checked while reading, formulas only with a cached value. */
class XlsxSheetReaderTest {

    static final String HEADER = RawXlsx.row(1, "period", "unit_type", "unit_code", "kpi_code", "target", "actual");
    static final TableReader.Limits LIMITS = new TableReader.Limits(1000, 64, 4000, 64L * 1024 * 1024);

    static ImportTable read(TableReader.Limits limits, byte[] xlsx) {
        return new TableReader(limits).read(xlsx);
    }

    static List<LineError> errorsOf(TableReader.Limits limits, byte[] xlsx) {
        try {
            read(limits, xlsx);
        } catch (ImportRejectedException e) {
            return e.errors();
        }
        throw new AssertionError("file was accepted");
    }

    @Test
    void a_formula_with_a_cached_value_counts_as_that_value() {
        byte[] xlsx = RawXlsx.of(List.of(), sheet -> sheet.write(HEADER
                + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>2026-01</t></is></c>"
                + "<c r=\"B2\" t=\"inlineStr\"><is><t>company</t></is></c>"
                + "<c r=\"C2\" t=\"str\"><f>\"AC\"&amp;\"ME\"</f><v>ACME</v></c>"
                + "<c r=\"D2\" t=\"inlineStr\"><is><t>SALES_AMOUNT</t></is></c>"
                + "<c r=\"E2\"><f>600*2</f><v>1200</v></c><c r=\"F2\"><f>E2-250</f><v>950</v></c></row>"));
        List<FigureView> rows = new FigureFileValidator(Map.of("ACME", "company"), Set.of("SALES_AMOUNT")::contains)
                .validate(read(LIMITS, xlsx));
        assertThat(rows).containsExactly(new FigureView("2026-01", "company", "ACME", "SALES_AMOUNT",
                new BigDecimal("1200"), new BigDecimal("950")));
    }

    @Test
    void a_formula_without_a_cached_value_is_refused_naming_cell_line_and_column() {
        byte[] xlsx = RawXlsx.of(List.of(), sheet -> sheet.write(HEADER
                + RawXlsx.row(2, "2026-01", "company", "ACME", "SALES_AMOUNT", "1", "1")
                + "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>2026-02</t></is></c>"
                + "<c r=\"E3\"><f>SUM(E1:E2)</f></c><c r=\"F3\"><f>1+1</f><v></v></c></row>"));
        assertThat(errorsOf(LIMITS, xlsx)).extracting(LineError::line, LineError::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3, "target"), org.assertj.core.groups.Tuple.tuple(3, "actual"));
        assertThat(errorsOf(LIMITS, xlsx).get(0).message()).contains("E3").contains("formula without a cached value");
    }

    @Test
    void reading_stops_at_the_row_limit_and_never_sees_the_rest_of_the_sheet() {
        byte[] xlsx = RawXlsx.of(List.of(), sheet -> {
            sheet.write(HEADER);
            for (int r = 2; r <= 102; r++) {
                sheet.write(RawXlsx.row(r, "2026-01", "company", "ACME", "SALES_AMOUNT", "1", "1"));
            }
            sheet.write("<row r=\"103\"><c r=\"A103\"><<< not XML at all");
        });
        List<LineError> limited = errorsOf(new TableReader.Limits(100, 64, 4000, 64L * 1024 * 1024), xlsx);
        assertThat(limited).extracting(LineError::line).containsExactly(102);
        assertThat(limited.get(0).message()).contains("more than 100 data lines");
        // read to the end, the same file is broken: the limit above was hit before the break was read
        assertThat(errorsOf(LIMITS, xlsx).get(0).message()).contains("unreadable XLSX file");
    }

    @Test
    void a_cell_beyond_the_column_limit_or_longer_than_the_cell_limit_is_refused_naming_it() {
        byte[] wide = RawXlsx.of(List.of(), sheet -> sheet.write(HEADER
                + "<row r=\"2\"><c r=\"A2\"><v>1</v></c><c r=\"XFD2\"><v>1</v></c></row>"));
        assertThat(errorsOf(LIMITS, wide)).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.message()).contains("XFD2").contains("64 columns");
        });
        byte[] tall = RawXlsx.of(List.of(), sheet -> sheet.write(HEADER
                + RawXlsx.row(2, "2026-01", "company", "x".repeat(4001))));
        assertThat(errorsOf(LIMITS, tall)).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.field()).isEqualTo("unit_code");
            assertThat(e.message()).contains("C2").contains("4000 characters");
        });
    }

    @Test
    void a_zip_bomb_is_refused_before_it_is_unpacked() {
        byte[] bomb = RawXlsx.of(List.of(), sheet -> {
            sheet.write(HEADER);
            char[] spaces = new char[1024 * 1024];
            java.util.Arrays.fill(spaces, ' ');
            for (int i = 0; i < 30; i++) {
                sheet.write(spaces); // 30 MB of nothing packs to a few kilobytes
            }
            sheet.write(RawXlsx.row(2, "2026-01", "company", "ACME", "SALES_AMOUNT", "1", "1"));
        });
        assertThat(bomb.length).isLessThan(200_000);
        assertThat(errorsOf(LIMITS, bomb)).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("zip bomb").contains("100 times"));
    }

    @Test
    void a_part_that_unpacks_beyond_the_limit_is_refused() {
        byte[] xlsx = RawXlsx.of(List.of(), sheet -> {
            sheet.write(HEADER);
            for (int r = 2; r <= 3000; r++) {
                sheet.write(RawXlsx.row(r, "2026-01", "company", "ACME" + r, "SALES_AMOUNT", String.valueOf(r), "1"));
            }
        });
        assertThat(errorsOf(new TableReader.Limits(100_000, 64, 4000, 100_000), xlsx)).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("unpacks to more than 100000 bytes"));
        assertThat(read(new TableReader.Limits(100_000, 64, 4000, 64L * 1024 * 1024), xlsx).lines()).hasSize(2999);
    }

    @Test
    void shared_inline_rich_boolean_and_error_cells_read_as_typed_and_formatted_empty_cells_are_dropped() {
        byte[] xlsx = RawXlsx.of(List.of("unit_type", "code", "甲"), sheet -> sheet.write(
                "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
                        + "<c r=\"C1\" t=\"inlineStr\"><is><t>name</t></is></c><c r=\"D1\" t=\"inlineStr\"><is><t>flag</t></is></c></row>"
                        + "<row r=\"4\"><c r=\"A4\" t=\"inlineStr\"><is><r><t>per</t></r><r><t>son</t></r>"
                        + "<rPh><t>ignored</t></rPh></is></c><c r=\"B4\"><v>0.72</v></c><c r=\"C4\" t=\"s\"><v>2</v></c>"
                        + "<c r=\"D4\" t=\"b\"><v>1</v></c><c r=\"E4\" s=\"0\"/><c r=\"F4\"/></row>"
                        + "<row r=\"5\"><c r=\"A5\" t=\"e\"><v>#DIV/0!</v></c></row>"));
        ImportTable table = read(LIMITS, xlsx);
        assertThat(table.header()).containsExactly("unit_type", "code", "name", "flag");
        assertThat(table.lines()).containsExactly(
                new ImportTable.Line(4, List.of("person", "0.72", "甲", "true")),
                new ImportTable.Line(5, List.of("#ERROR", "", "", "")));
    }

    @Test
    void a_cell_pointing_at_a_shared_string_the_file_lacks_is_refused_naming_it() {
        byte[] xlsx = RawXlsx.of(List.of("period", "unit_type"), sheet -> sheet.write(
                "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c></row>"
                        + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>0</v></c><c r=\"B2\" t=\"s\"><v>7</v></c></row>"));
        assertThat(errorsOf(LIMITS, xlsx)).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.field()).isEqualTo("unit_type");
            assertThat(e.message()).contains("B2").contains("shared string");
        });
    }
}
