package com.perftrack.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Imports beyond the cap wait a little for a slot; beyond the waiting room they get 429 at once (issue 12). */
class ImportGateTest {

    private static ImportGate gate(int concurrent, int waiting, double queueSeconds) {
        return new ImportGate(new ImportSettings(null, null, null, null, null, concurrent, waiting, queueSeconds, 3));
    }

    @Test
    void an_import_waits_for_a_slot_and_runs_when_it_frees() throws Exception {
        ImportGate gate = gate(1, 1, 30);
        ImportGate.Slot first = gate.enter();
        CompletableFuture<ImportGate.Slot> second = CompletableFuture.supplyAsync(gate::enter);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (gate.waiting() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(gate.waiting()).as("the second import waits").isEqualTo(1);
        assertThat(second).isNotDone();

        assertThatThrownBy(gate::enter).as("the waiting room holds one: the third is refused at once")
                .isInstanceOf(ImportGate.ImportBusyException.class)
                .hasMessage("已有 1 个导入正在进行，请 3 秒后重试 / 1 imports are running; try again in 3 s");

        first.close();
        second.get(10, TimeUnit.SECONDS).close();
        assertThat(gate.inUse()).isZero();
        assertThat(gate.waiting()).isZero();
    }

    @Test
    void an_import_that_waited_its_time_is_refused_and_leaves_the_waiting_room() {
        ImportGate gate = gate(1, 4, 0.2);
        try (ImportGate.Slot held = gate.enter()) {
            long started = System.nanoTime();
            assertThatThrownBy(gate::enter).isInstanceOf(ImportGate.ImportBusyException.class);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).as("it waited").isGreaterThanOrEqualTo(150);
            assertThat(gate.waiting()).isZero();
            assertThat(gate.inUse()).isEqualTo(1);
        }
        assertThat(gate.inUse()).isZero();
    }
}
