package com.perftrack.imports;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code ptc.imports.*}: limits of one import file (the multipart limit, 10 MB, applies first). */
@ConfigurationProperties("ptc.imports")
record ImportSettings(Integer maxRows, Long maxBytes) {

    ImportSettings {
        maxRows = maxRows == null ? 100_000 : maxRows;
        maxBytes = maxBytes == null ? 10L * 1024 * 1024 : maxBytes;
    }
}
