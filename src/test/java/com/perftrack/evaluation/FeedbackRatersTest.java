package com.perftrack.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.perftrack.evaluation.FeedbackRaters.Rater;
import com.perftrack.organisation.OrgUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Raters from the organisation tree: company C (gm) → department D (d.head) → P1 (u1), P2 (u2),
 * P3 (r.mgr, the regional manager, also tracked), P6 (no user) and region R (r.mgr) → P4 (u4), P5 (u5).
 */
class FeedbackRatersTest {

    static final List<OrgUnit> UNITS = List.of(unit("C", "company", null, "gm"), unit("D", "department", "C", "d.head"),
            unit("R", "region", "D", "r.mgr"), unit("P1", "person", "D", "u1"), unit("P2", "person", "D", "u2"),
            unit("P3", "person", "D", "r.mgr"), unit("P6", "person", "D", null), unit("P4", "person", "R", "u4"),
            unit("P5", "person", "R", "u5"));

    @Test
    void a_regional_manager_is_rated_by_self_the_head_the_region_s_people_and_the_department_s_people() {
        assertThat(FeedbackRaters.of(UNITS.get(5), UNITS)).containsExactly(new Rater("r.mgr", "self"),
                new Rater("d.head", "manager"), new Rater("u4", "subordinate"), new Rater("u5", "subordinate"),
                new Rater("u1", "peer"), new Rater("u2", "peer"));
    }

    @Test
    void a_person_in_a_region_has_the_regional_manager_and_one_peer() {
        assertThat(FeedbackRaters.of(UNITS.get(7), UNITS)).containsExactly(new Rater("u4", "self"),
                new Rater("r.mgr", "manager"), new Rater("u5", "peer"));
    }

    @Test
    void a_person_without_a_user_is_rated_by_others_only_and_rates_nobody() {
        assertThat(FeedbackRaters.of(UNITS.get(6), UNITS)).containsExactly(new Rater("d.head", "manager"),
                new Rater("u1", "peer"), new Rater("u2", "peer"), new Rater("r.mgr", "peer"));
        assertThat(FeedbackRaters.of(UNITS.get(3), UNITS)).extracting(Rater::userId)
                .containsExactly("u1", "d.head", "u2", "r.mgr");
    }

    static OrgUnit unit(String code, String type, String parent, String user) {
        return new OrgUnit(code, type, code, parent, "C", user, null, "person".equals(type) ? "employee" : null);
    }
}
