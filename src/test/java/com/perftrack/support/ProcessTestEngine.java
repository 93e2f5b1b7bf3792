package com.perftrack.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageInMemProcessEngineConfiguration;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Engine-only process tests (no Spring context): an in-memory H2 engine with flow-node coverage,
 * job executor off, our Flyway tables in the same database, and the beans a model needs.
 */
public final class ProcessTestEngine {

    private final String url = "jdbc:h2:mem:process-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    private final DataSource dataSource;

    public ProcessTestEngine() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(url);
        h2.setUser("sa");
        this.dataSource = h2;
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .baselineOnMigrate(true).baselineVersion("0").load().migrate();
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }

    /** The engine configuration; beans are resolved by name from expressions. */
    public ProcessCoverageInMemProcessEngineConfiguration configuration(Map<Object, Object> beans) {
        var configuration = new ProcessCoverageInMemProcessEngineConfiguration();
        configuration.setProcessEngineName("process-test-" + UUID.randomUUID());
        configuration.setJdbcUrl(url);
        configuration.setJdbcUsername("sa");
        configuration.setJdbcPassword("");
        configuration.setDatabaseSchemaUpdate("true");
        configuration.setJobExecutorActivate(false);
        configuration.setHistory("full");
        configuration.setDefaultSerializationFormat("application/json");
        configuration.setEnforceHistoryTimeToLive(true);
        configuration.setBeans(beans);
        // as in application.yaml: SPEC group ids have hyphens, demo user ids dots
        configuration.setGeneralResourceWhitelistPattern("[a-zA-Z0-9][a-zA-Z0-9._-]*|camunda-admin");
        List<ProcessEnginePlugin> plugins = new ArrayList<>(configuration.getProcessEnginePlugins());
        plugins.add(new SpinProcessEnginePlugin());
        configuration.setProcessEnginePlugins(plugins);
        return configuration;
    }
}
