package com.perftrack.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.Test;

/** The shapes a taglist's person codes arrive in: Tasklist's Json list, the Java API's list, REST text. */
class AnnualAwardCodesTest {

    @Test
    void a_json_list_from_tasklist_gives_its_codes_and_an_empty_or_null_one_gives_none() {
        assertThat(AnnualAwardsListener.codes(Spin.JSON("[\"EWK-P1\", \" EWK-P3 \"]"))).containsExactly("EWK-P1", "EWK-P3");
        assertThat(AnnualAwardsListener.codes(Spin.JSON("[]"))).isEmpty();
        assertThat(AnnualAwardsListener.codes(Spin.JSON("null"))).isEmpty();
        assertThat(AnnualAwardsListener.codes(null)).isEmpty();
    }

    @Test
    void a_list_or_comma_separated_text_gives_the_same_codes() {
        assertThat(AnnualAwardsListener.codes(List.of("P1", "P2"))).containsExactly("P1", "P2");
        assertThat(AnnualAwardsListener.codes("P1, P2，P3")).containsExactly("P1", "P2", "P3");
    }

    @Test
    void anything_else_is_taken_as_text_so_that_it_is_refused_as_an_unknown_code() {
        assertThat(AnnualAwardsListener.codes(Spin.JSON("{\"code\":\"P1\"}"))).containsExactly("{\"code\":\"P1\"}");
        assertThat(AnnualAwardsListener.codes(Spin.JSON("[42]"))).containsExactly("42");
    }
}
