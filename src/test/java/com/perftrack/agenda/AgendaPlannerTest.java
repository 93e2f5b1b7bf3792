package com.perftrack.agenda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.perftrack.agenda.Agenda.Item;
import com.perftrack.agenda.Agenda.Kind;
import com.perftrack.agenda.AgendaPlanner.FollowUp;
import com.perftrack.agenda.AgendaPlanner.Timing;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgendaPlannerTest {

    static final LocalDateTime START = LocalDateTime.of(2026, 11, 6, 9, 0);
    static final List<String> PRODUCTION = List.of("marketing", "production", "sales", "quality", "finance");

    @Test
    void sales_speaks_first_then_the_other_departments_then_last_cycles_actions_then_discussion_and_buffer() {
        Agenda agenda = AgendaPlanner.draft("ACME", "2026-10", "审议", START, PRODUCTION,
                List.of(new FollowUp(7, "提高拜访量", "sales")), AgendaSettings.defaults());
        assertThat(agenda.items()).extracting(Item::kind).containsExactly(Kind.DEPARTMENT_REPORT, Kind.DEPARTMENT_REPORT,
                Kind.DEPARTMENT_REPORT, Kind.DEPARTMENT_REPORT, Kind.DEPARTMENT_REPORT, Kind.ACTION_FOLLOW_UP,
                Kind.FREE_DISCUSSION, Kind.BUFFER);
        assertThat(agenda.items()).extracting(Item::department).startsWith("sales", "marketing", "production",
                "quality", "finance", "sales");
        assertThat(agenda.items().get(5).actionId()).isEqualTo(7L);
    }

    @Test
    void default_timing_adds_up_by_hand() {
        // sales 20 + 4 departments x 12 + 2 actions x 3 + discussion 15 + buffer 10 = 99 of 120 minutes
        Agenda agenda = AgendaPlanner.draft("ACME", "2026-10", "审议", START, PRODUCTION,
                List.of(new FollowUp(1, "a", "sales"), new FollowUp(2, "b", "quality")), AgendaSettings.defaults());
        assertThat(agenda.totalMinutes()).isEqualTo(99);
        assertThat(agenda.fits()).isTrue();
        assertThat(agenda.meetingEnd()).isEqualTo(LocalDateTime.of(2026, 11, 6, 11, 0));
        assertThat(agenda.asText()).contains("09:00 销售部汇报").contains("09:20 市场部汇报").contains("合计 Total: 99 / 120");
    }

    @Test
    void speakers_are_shortened_evenly_to_fit_a_short_meeting() {
        // 60 minutes: discussion 15 + buffer 10 leave 35; sales s and 4 departments d shrink together:
        // (20,12)=68 … (14,6)=38, (13,5)=33 fits; the last step keeps departments at the minimum of 5
        var settings = new AgendaSettings(60, null, null, null, null, null, null, null, null, null);
        Agenda agenda = AgendaPlanner.draft("ACME", "2026-10", "审议", START, PRODUCTION, List.of(), settings);
        assertThat(agenda.items().get(0).minutes()).isEqualTo(13);
        assertThat(agenda.items().get(1).minutes()).isEqualTo(5);
        assertThat(agenda.totalMinutes()).isEqualTo(58);
    }

    @Test
    void a_draft_that_cannot_fit_even_at_minimum_minutes_is_refused() {
        // minimum: 5 speakers x 5 + 10 actions x 3 + 15 + 10 = 80 > 45
        var settings = new AgendaSettings(45, null, null, null, null, null, null, null, null, null);
        List<FollowUp> followUps = java.util.stream.LongStream.rangeClosed(1, 10)
                .mapToObj(i -> new FollowUp(i, "a" + i, "sales")).toList();
        assertThatThrownBy(() -> AgendaPlanner.draft("ACME", "2026-10", "审议", START, PRODUCTION, followUps, settings))
                .isInstanceOf(AgendaDoesNotFitException.class).hasMessageContaining("80").hasMessageContaining("45");
    }

    @Test
    void the_secretary_generals_timing_is_kept_exactly_or_refused() {
        Timing timing = new Timing(90, 25, 10, 5, 10, 5);
        Agenda agenda = AgendaPlanner.plan("ACME", "2026-10", "审议", START, PRODUCTION, List.of(), timing);
        assertThat(agenda.totalMinutes()).isEqualTo(25 + 4 * 10 + 10 + 5);
        assertThatThrownBy(() -> AgendaPlanner.plan("ACME", "2026-10", "审议", START, PRODUCTION, List.of(),
                new Timing(60, 25, 10, 5, 10, 5)))
                .isInstanceOf(AgendaDoesNotFitException.class).hasMessageContaining("80").hasMessageContaining("60");
        assertThatThrownBy(() -> AgendaPlanner.plan("ACME", "2026-10", "审议", START, PRODUCTION, List.of(),
                new Timing(90, -1, 10, 5, 10, 5))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_secretary_general_may_move_a_speaker_and_the_timing_follows_the_new_order() {
        // quality first (10), then sales (25), production (10): 09:00, 09:10, 09:35
        Agenda agenda = AgendaPlanner.plan("ACME", "2026-10", "审议", START, List.of("quality", "sales", "production"),
                List.of(), new Timing(90, 25, 10, 5, 10, 5), true);
        assertThat(agenda.items()).extracting(Item::department).startsWith("quality", "sales", "production");
        assertThat(agenda.asText()).contains("1. 09:00 质量部汇报").contains("2. 09:10 销售部汇报")
                .contains("3. 09:35 生产部汇报");
        // not in the given order: sales first as the method says
        assertThat(AgendaPlanner.plan("ACME", "2026-10", "审议", START, List.of("quality", "sales"), List.of(),
                new Timing(90, 25, 10, 5, 10, 5)).items()).extracting(Item::department).startsWith("sales", "quality");
    }

    @Test
    void the_agenda_carries_the_configured_meeting_notes_by_default_the_seed_s_two() {
        assertThat(AgendaSettings.defaults().meetingNotes()).containsExactly(
                "与会人员必须严格控制发言时间 / keep strictly to your speaking time",
                "开会时请将手机调到震动，不得发出响声 / phones on vibrate, no ringing");
        var own = new AgendaSettings(null, null, null, null, null, null, null, null, null, List.of("请提前 5 分钟到场", " "));
        assertThat(own.meetingNotes()).containsExactly("请提前 5 分钟到场");
        Agenda agenda = AgendaPlanner.draft("ACME", "2026-10", "审议", START, PRODUCTION, List.of(),
                AgendaSettings.defaults()).withNotes(AgendaSettings.defaults().meetingNotes());
        assertThat(agenda.asText()).endsWith("备注 Notes:\n- 与会人员必须严格控制发言时间 / keep strictly to your speaking time\n"
                + "- 开会时请将手机调到震动，不得发出响声 / phones on vibrate, no ringing");
        assertThat(AgendaPlanner.draft("ACME", "2026-10", "审议", START, PRODUCTION, List.of(), AgendaSettings.defaults())
                .asText()).doesNotContain("备注");
    }
}
