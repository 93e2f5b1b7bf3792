package com.perftrack.imports;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ptc.imports.*}: limits of one import file (the multipart limit, 10 MB, applies first) and
 * of imports at once. An XLSX file is read as a stream and every limit is checked while reading, so
 * a file beyond a limit costs at most the limit, never the whole file (RELIABILITY.md).
 *
 * @param maxRows data lines of one file
 * @param maxBytes size of the uploaded file
 * @param maxColumns columns of one line (an XLSX cell further right than this refuses the file)
 * @param maxCellChars characters of one XLSX cell
 * @param maxUnpackedBytes unpacked size of each part of an XLSX file (sheet, shared strings, styles)
 * @param maxConcurrent imports that run at once
 * @param maxWaiting imports that may wait for a slot; more are answered 429 at once
 * @param queueSeconds how long an import waits for a slot before it is answered 429
 * @param retryAfterSeconds the Retry-After of a 429
 */
@ConfigurationProperties("ptc.imports")
record ImportSettings(Integer maxRows, Long maxBytes, Integer maxColumns, Integer maxCellChars, Long maxUnpackedBytes,
        Integer maxConcurrent, Integer maxWaiting, Double queueSeconds, Integer retryAfterSeconds) {

    ImportSettings {
        maxRows = maxRows == null ? 100_000 : maxRows;
        maxBytes = maxBytes == null ? 10L * 1024 * 1024 : maxBytes;
        maxColumns = maxColumns == null ? 64 : maxColumns;
        maxCellChars = maxCellChars == null ? 4_000 : maxCellChars;
        maxUnpackedBytes = maxUnpackedBytes == null ? 64L * 1024 * 1024 : maxUnpackedBytes;
        maxConcurrent = maxConcurrent == null ? 2 : maxConcurrent;
        maxWaiting = maxWaiting == null ? 32 : maxWaiting;
        queueSeconds = queueSeconds == null ? 30.0 : queueSeconds;
        retryAfterSeconds = retryAfterSeconds == null ? 3 : retryAfterSeconds;
    }

    TableReader.Limits readLimits() {
        return new TableReader.Limits(maxRows, maxColumns, maxCellChars, maxUnpackedBytes);
    }
}
