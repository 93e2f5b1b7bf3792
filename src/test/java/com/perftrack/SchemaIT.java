package com.perftrack;

import static org.assertj.core.api.Assertions.assertThat;

import com.perftrack.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class SchemaIT {

    @Autowired
    JdbcClient jdbc;

    @Test
    void runs_on_postgresql() {
        String product = jdbc.sql("select version()").query(String.class).single();
        assertThat(product).startsWith("PostgreSQL");
    }

    @Test
    void engine_and_flyway_schemas_are_created() {
        assertThat(tableExists("act_re_procdef")).as("Camunda engine tables").isTrue();
        assertThat(tableExists("act_hi_procinst")).as("Camunda history tables").isTrue();
        assertThat(tableExists("flyway_schema_history")).as("Flyway history").isTrue();
        assertThat(tableExists("tracking_cycle")).as("our own tables").isTrue();
        Integer failed = jdbc.sql("select count(*) from flyway_schema_history where not success").query(Integer.class).single();
        assertThat(failed).isZero();
    }

    private boolean tableExists(String name) {
        return jdbc.sql("select count(*) from information_schema.tables where table_name = ?")
                .param(name).query(Integer.class).single() > 0;
    }
}
