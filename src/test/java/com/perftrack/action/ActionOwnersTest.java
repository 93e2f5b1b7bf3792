package com.perftrack.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ActionOwnersTest {

    @Test
    void single_department_action_is_written_and_owned_by_its_manager() {
        var owners = ActionOwners.decide(false, "sales", Optional.of("sales.head"), Optional.of("gm"));
        assertThat(owners).isEqualTo(new ActionOwners("sales.head", "sales", "sales.head", "sales", ""));
    }

    @Test
    void cross_department_action_is_owned_by_the_general_manager_and_written_by_the_department_manager() {
        var owners = ActionOwners.decide(true, "quality", Optional.of("quality.head"), Optional.of("gm"));
        assertThat(owners).isEqualTo(new ActionOwners("quality.head", "quality", "gm", "committee-chair", ""));
    }

    @Test
    void a_department_without_manager_falls_back_to_its_group_and_says_so() {
        var owners = ActionOwners.decide(false, "finance", Optional.empty(), Optional.of("gm"));
        assertThat(owners.authorUserId()).isNull();
        assertThat(owners.ownerUserId()).isNull();
        assertThat(owners.ownerGroup()).isEqualTo("finance");
        assertThat(owners.note()).contains("no manager for finance");
    }

    @Test
    void a_company_without_general_manager_leaves_the_whole_to_the_committee_chair_group() {
        var owners = ActionOwners.decide(true, "sales", Optional.of("sales.head"), Optional.empty());
        assertThat(owners.ownerUserId()).isNull();
        assertThat(owners.ownerGroup()).isEqualTo("committee-chair");
        assertThat(owners.note()).contains("committee-chair owns the whole");
    }
}
