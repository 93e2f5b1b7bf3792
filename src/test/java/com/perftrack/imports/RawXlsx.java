package com.perftrack.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * An XLSX file written part by part, the way a program that is not Excel writes one: the sheet XML
 * is streamed, so a test can make a file of any number of rows (or a malformed or oversized one)
 * without holding it as a workbook.
 */
public final class RawXlsx {

    static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    static final String RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
    static final String DOC_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /** Writes the rows inside {@code <sheetData>}. */
    @FunctionalInterface
    public interface Rows {
        void write(Writer sheet) throws IOException;
    }

    private RawXlsx() {
    }

    /** A workbook of one sheet; {@code sharedStrings} may be empty (then cells use inline strings). */
    public static byte[] of(List<String> sharedStrings, Rows rows) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                ZipOutputStream zip = new ZipOutputStream(bytes)) {
            boolean shared = !sharedStrings.isEmpty();
            put(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                    + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                    + (shared ? "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>" : "")
                    + "</Types>");
            put(zip, "_rels/.rels", "<Relationships xmlns=\"" + RELS + "\"><Relationship Id=\"rId1\" Type=\"" + DOC_RELS
                    + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            put(zip, "xl/workbook.xml", "<workbook xmlns=\"" + MAIN + "\" xmlns:r=\"" + DOC_RELS + "\"><sheets>"
                    + "<sheet name=\"figures\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            put(zip, "xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"" + RELS + "\">"
                    + "<Relationship Id=\"rId1\" Type=\"" + DOC_RELS + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                    + (shared ? "<Relationship Id=\"rId2\" Type=\"" + DOC_RELS + "/sharedStrings\" Target=\"sharedStrings.xml\"/>" : "")
                    + "</Relationships>");
            if (shared) {
                StringBuilder sst = new StringBuilder("<sst xmlns=\"" + MAIN + "\" count=\"" + sharedStrings.size()
                        + "\" uniqueCount=\"" + sharedStrings.size() + "\">");
                sharedStrings.forEach(s -> sst.append("<si><t>").append(s).append("</t></si>"));
                put(zip, "xl/sharedStrings.xml", sst.append("</sst>").toString());
            }
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            Writer sheet = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
            sheet.write("<worksheet xmlns=\"" + MAIN + "\"><sheetData>");
            rows.write(sheet);
            sheet.write("</sheetData></worksheet>");
            sheet.flush();
            zip.closeEntry();
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One row of inline-string and number cells: a value that parses as a number is written as one. */
    public static String row(int number, String... values) {
        StringBuilder row = new StringBuilder("<row r=\"").append(number).append("\">");
        for (int i = 0; i < values.length; i++) {
            String ref = (char) ('A' + i) + String.valueOf(number);
            String value = values[i];
            if (value.isEmpty()) {
                continue;
            }
            if (value.matches("-?\\d+(\\.\\d+)?")) {
                row.append("<c r=\"").append(ref).append("\"><v>").append(value).append("</v></c>");
            } else {
                row.append("<c r=\"").append(ref).append("\" t=\"inlineStr\"><is><t>").append(value).append("</t></is></c>");
            }
        }
        return row.append("</row>").toString();
    }

    private static void put(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
