package com.perftrack.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ActionReviewersTest {

    @Test
    void the_standing_office_reviews_other_departments_and_the_secretary_general_reviews_marketing() {
        assertThat(ActionReviewers.decide("sales", Set.of("sales")))
                .isEqualTo(new ActionReviewers("marketing", "secretary-general"));
        assertThat(ActionReviewers.decide("marketing", Set.of("marketing")))
                .isEqualTo(new ActionReviewers("secretary-general", "secretary-general"));
    }

    @Test
    void an_author_who_is_also_in_marketing_or_is_the_secretary_general_is_judged_by_the_next_in_line() {
        assertThat(ActionReviewers.decide("quality", Set.of("quality", "marketing")).smartReviewGroup())
                .isEqualTo("secretary-general");
        assertThat(ActionReviewers.decide("sales", Set.of("sales", "secretary-general")))
                .isEqualTo(new ActionReviewers("marketing", "committee-chair"));
        assertThat(ActionReviewers.decide("marketing", Set.of("marketing", "secretary-general")))
                .isEqualTo(new ActionReviewers("committee-chair", "committee-chair"));
    }

    @Test
    void nobody_judges_an_action_they_wrote_or_of_their_own_department() {
        assertThat(ActionReviewers.mayJudge("marketing.head", "sales.head", "sales", Set.of("marketing"))).isTrue();
        assertThat(ActionReviewers.mayJudge("marketing.head", "marketing.head", "marketing", Set.of("marketing"))).isFalse();
        assertThat(ActionReviewers.mayJudge("deputy", "marketing.head", "marketing", Set.of("marketing"))).isFalse();
        assertThat(ActionReviewers.mayJudge("sales.head", "sales.head", "sales", Set.of("secretary-general"))).isFalse();
    }
}
