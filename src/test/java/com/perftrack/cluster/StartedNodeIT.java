package com.perftrack.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.perftrack.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Once a node has started it holds no start-up lock: the next node may start (also in the tests' own context). */
@IntegrationTest
class StartedNodeIT {

    @Autowired
    StartupLock lock;
    @Autowired
    JdbcClient jdbc;

    @Test
    void a_started_node_holds_no_start_up_lock_so_the_next_node_can_start() {
        assertThat(lock.holding()).isFalse();
        // a bigint advisory key shows in pg_locks as its high and low 32 bits
        int held = jdbc.sql("select count(*) from pg_locks where locktype = 'advisory' and classid = ? and objid = ? "
                        + "and objsubid = 1 and database = (select oid from pg_database where datname = current_database())")
                .params(StartupLock.KEY >>> 32, StartupLock.KEY & 0xFFFF_FFFFL).query(Integer.class).single();
        assertThat(held).isZero();
        Boolean free = jdbc.sql("select pg_try_advisory_xact_lock(" + StartupLock.KEY + ")").query(Boolean.class).single();
        assertThat(free).as("another node could take it now").isTrue();
    }
}
