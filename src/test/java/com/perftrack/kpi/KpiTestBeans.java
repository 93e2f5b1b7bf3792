package com.perftrack.kpi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The kpi package's services other packages' engine-only process tests need, on the test's database. */
public final class KpiTestBeans {

    private KpiTestBeans() {
    }

    /** Early warnings read from the test database's results, with the shipped kpi-status.dmn and the default cap. */
    public static WarningService warnings(JdbcClient jdbc) {
        StatusTable table;
        try (InputStream dmn = KpiTestBeans.class.getResourceAsStream("/bpmn/kpi-status.dmn")) {
            table = StatusTable.read(dmn);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new WarningService(jdbc, new KpiCatalog(jdbc), () -> table, new BigDecimal("1.5"));
    }
}
