package com.perftrack.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.perftrack.organisation.OrgUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnitTreeTest {

    // CO → SALES → EAST → P1, P2; SALES → P3 (no region); CO → PROD
    static final UnitTree TREE = new UnitTree(List.of(unit("CO", null), unit("SALES", "CO"), unit("PROD", "CO"),
            unit("EAST", "SALES"), unit("P1", "EAST"), unit("P2", "EAST"), unit("P3", "SALES")));

    @Test
    void people_are_below_their_region_their_department_and_their_company() {
        assertThat(TREE.isBelow("P1", "EAST")).isTrue();
        assertThat(TREE.isBelow("P1", "SALES")).isTrue();
        assertThat(TREE.isBelow("P1", "CO")).isTrue();
        assertThat(TREE.isBelow("P3", "SALES")).as("a person straight under a department").isTrue();
    }

    @Test
    void a_unit_is_not_below_itself_a_sibling_or_another_branch() {
        assertThat(TREE.isBelow("EAST", "EAST")).isFalse();
        assertThat(TREE.isBelow("P3", "EAST")).isFalse();
        assertThat(TREE.isBelow("P1", "PROD")).isFalse();
        assertThat(TREE.isBelow("CO", "SALES")).isFalse();
        assertThat(TREE.isBelow("UNKNOWN", "CO")).isFalse();
    }

    @Test
    void a_loop_in_the_parents_ends_the_walk() {
        UnitTree loop = new UnitTree(List.of(unit("A", "B"), unit("B", "A")));
        assertThat(loop.isBelow("A", "C")).isFalse();
        assertThat(loop.isBelow("A", "B")).isTrue();
    }

    private static OrgUnit unit(String code, String parent) {
        return new OrgUnit(code, "x", code, parent, "CO", null, null, null);
    }
}
