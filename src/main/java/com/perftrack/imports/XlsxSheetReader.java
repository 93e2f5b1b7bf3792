package com.perftrack.imports;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads the first sheet of an XLSX file as a stream of SAX events (issue 12: a 1.7 MB file of
 * 440,000 rows built as a workbook in memory took the heap down). Nothing but the lines up to the
 * row limit is kept; every limit is checked while reading, and reading stops at the first one
 * passed. The ZIP itself is opened with POI's {@link ZipSecureFile} (inflate ratio and entry count
 * guards), and each part read is cut off at {@link TableReader.Limits#maxUnpackedBytes()}.
 */
final class XlsxSheetReader {

    private final TableReader.Limits limits;

    XlsxSheetReader(TableReader.Limits limits) {
        this.limits = limits;
    }

    ImportTable read(byte[] content) {
        Path file = null;
        try {
            // a ZIP opened from a file is read entry by entry; from a stream POI would unpack it all first
            file = Files.createTempFile("ptc-import-", ".xlsx");
            Files.write(file, content);
            try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
                return read(pkg);
            }
        } catch (IOException | OpenXML4JException | SAXException | RuntimeException e) {
            throw rejection(e);
        } finally {
            deleteQuietly(file);
        }
    }

    private ImportTable read(OPCPackage pkg) throws IOException, OpenXML4JException, SAXException {
        for (PackagePart part : pkg.getParts()) {
            if (part.getSize() > limits.maxUnpackedBytes()) {
                throw tooLarge(part.getPartName().getName());
            }
        }
        XSSFReader reader = new XSSFReader(pkg);
        boolean date1904;
        try (InputStream workbook = bounded(reader.getWorkbookData(), "xl/workbook.xml")) {
            date1904 = date1904(workbook);
        }
        StylesTable styles = null;
        for (PackagePart part : pkg.getPartsByContentType(XSSFRelation.STYLES.getContentType())) {
            try (InputStream in = bounded(part.getInputStream(), part.getPartName().getName())) {
                styles = new StylesTable(in);
            }
        }
        SharedStrings strings = null;
        for (PackagePart part : pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType())) {
            try (InputStream in = bounded(part.getInputStream(), part.getPartName().getName())) {
                strings = new ReadOnlySharedStringsTable(in, false);
            }
        }
        Iterator<InputStream> sheets = reader.getSheetsData();
        if (!sheets.hasNext()) {
            throw new ImportRejectedException(1, null, "Excel 文件没有工作表 / the workbook has no sheet");
        }
        XlsxSheetHandler handler = new XlsxSheetHandler(limits, strings, styles, date1904);
        try (InputStream sheet = bounded(sheets.next(), "the first sheet")) {
            XMLReader xml = XMLHelper.newXMLReader();
            xml.setContentHandler(handler);
            xml.parse(new InputSource(sheet));
        } catch (javax.xml.parsers.ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
        return handler.table();
    }

    private static boolean date1904(InputStream workbook) throws IOException, SAXException {
        boolean[] date1904 = {false};
        try {
            XMLReader xml = XMLHelper.newXMLReader();
            xml.setContentHandler(new DefaultHandler() {
                @Override
                public void startElement(String uri, String localName, String qName, Attributes attributes) {
                    if ("workbookPr".equals(localName)) {
                        String value = attributes.getValue("date1904");
                        date1904[0] = "1".equals(value) || "true".equals(value);
                    }
                }
            });
            xml.parse(new InputSource(workbook));
        } catch (javax.xml.parsers.ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
        return date1904[0];
    }

    private InputStream bounded(InputStream in, String part) {
        return new Bounded(in, limits.maxUnpackedBytes(), part);
    }

    private ImportRejectedException tooLarge(String part) {
        long limit = limits.maxUnpackedBytes();
        String size = limit % (1024 * 1024) == 0 ? limit / (1024 * 1024) + " MB" : limit + " bytes";
        return new ImportRejectedException(1, null, "Excel 文件的 " + part + " 解压后超过 " + size + " 上限 / " + part
                + " unpacks to more than " + size + "; split the file");
    }

    /** The sentence for what went wrong; a limit passed deep inside POI or the XML parser is found in the causes. */
    private ImportRejectedException rejection(Throwable e) {
        for (Throwable t = e; t != null; t = next(t)) {
            if (t instanceof ImportRejectedException rejected) {
                return rejected;
            }
            if (t instanceof PartTooLarge large) {
                return tooLarge(large.part);
            }
            String message = String.valueOf(t.getMessage());
            if (message.contains("Zip bomb")) {
                long ratio = Math.round(1 / ZipSecureFile.getMinInflateRatio());
                return new ImportRejectedException(1, null, "Excel 文件解压后超过压缩大小的 " + ratio
                        + " 倍，疑似压缩炸弹，未读取 / the file unpacks to more than " + ratio
                        + " times its packed size (a zip bomb?); not read");
            }
            if (message.contains("more internal file entries than expected")) {
                return new ImportRejectedException(1, null, "Excel 文件包含的内部文件超过 " + ZipSecureFile.getMaxFileCount()
                        + " 个，未读取 / the file holds more than " + ZipSecureFile.getMaxFileCount() + " entries; not read");
            }
        }
        return new ImportRejectedException(1, null,
                "无法读取 Excel 文件，请另存为 .xlsx 或 CSV (UTF-8) / unreadable XLSX file: save it as .xlsx or CSV (UTF-8)");
    }

    private static Throwable next(Throwable t) {
        if (t instanceof SAXException sax && sax.getException() != null && sax.getException() != t) {
            return sax.getException();
        }
        return t.getCause() == t ? null : t.getCause();
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temp file left behind is removed with the temp directory
            }
        }
    }

    /** A part cut off at its limit: reading more than the limit fails instead of filling the heap. */
    static final class PartTooLarge extends IOException {
        final String part;

        PartTooLarge(String part) {
            super(part + " is larger than allowed");
            this.part = part;
        }
    }

    private static final class Bounded extends FilterInputStream {
        private final long limit;
        private final String part;
        private long read;

        Bounded(InputStream in, long limit, String part) {
            super(in);
            this.limit = limit;
            this.part = part;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) throws PartTooLarge {
            read += n;
            if (read > limit) {
                throw new PartTooLarge(part);
            }
        }
    }
}
