package com.perftrack.agenda;

import com.perftrack.agenda.Agenda.Item;
import com.perftrack.agenda.Agenda.Kind;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Drafts the review meeting's agenda (plain Java, no engine). The method's speaking order: sales
 * first, then the other member departments, then the follow-up of last cycle's actions, then
 * free discussion and a buffer. Everything must fit the meeting length.
 */
final class AgendaPlanner {

    /** Minutes per kind of item; the secretary-general may change any of them. */
    public record Timing(int lengthMinutes, int salesMinutes, int departmentMinutes, int followUpMinutesPerAction,
            int freeDiscussionMinutes, int bufferMinutes) {

        static Timing of(AgendaSettings s) {
            return new Timing(s.meetingLengthMinutes(), s.salesMinutes(), s.departmentMinutes(),
                    s.followUpMinutesPerAction(), s.freeDiscussionMinutes(), s.bufferMinutes());
        }

        Timing withSpeakers(int sales, int department) {
            return new Timing(lengthMinutes, sales, department, followUpMinutesPerAction, freeDiscussionMinutes,
                    bufferMinutes);
        }
    }

    public record FollowUp(long actionId, String title, String department) {}

    static final Map<String, String> DEPARTMENT_NAMES = Map.of(
            "sales", "销售部", "marketing", "市场部", "production", "生产部", "quality", "质量部",
            "finance", "财务部", "procurement", "采购部", "project-management", "项目管理部",
            "contract-planning", "合同计划部", "hr", "人力资源部");

    private AgendaPlanner() {
    }

    /**
     * A draft that fits: speaker minutes shrink evenly (never below {@code minimumSpeakerMinutes})
     * when the configured ones are too many.
     *
     * @throws AgendaDoesNotFitException when even the minimum does not fit
     */
    public static Agenda draft(String companyCode, String period, String purpose, LocalDateTime start,
            List<String> departments, List<FollowUp> followUps, AgendaSettings settings) {
        Timing timing = Timing.of(settings);
        Agenda agenda = build(companyCode, period, purpose, start, speakingOrder(departments), followUps, timing);
        int sales = timing.salesMinutes();
        int department = timing.departmentMinutes();
        while (!agenda.fits() && (sales > settings.minimumSpeakerMinutes()
                || department > settings.minimumSpeakerMinutes())) {
            sales = Math.max(settings.minimumSpeakerMinutes(), sales - 1);
            department = Math.max(settings.minimumSpeakerMinutes(), department - 1);
            agenda = build(companyCode, period, purpose, start, speakingOrder(departments), followUps,
                    timing.withSpeakers(sales, department));
        }
        if (!agenda.fits()) {
            throw new AgendaDoesNotFitException(agenda.totalMinutes(), agenda.lengthMinutes());
        }
        return agenda;
    }

    /** Exactly the given timing, sales first, or refused when it does not fit. */
    public static Agenda plan(String companyCode, String period, String purpose, LocalDateTime start,
            List<String> departments, List<FollowUp> followUps, Timing timing) {
        return plan(companyCode, period, purpose, start, speakingOrder(departments), followUps, timing, true);
    }

    /**
     * Exactly the given timing; the departments speak in the given order when {@code inGivenOrder}
     * (the secretary-general moved a speaker), else sales first. Refused when it does not fit.
     */
    public static Agenda plan(String companyCode, String period, String purpose, LocalDateTime start,
            List<String> departments, List<FollowUp> followUps, Timing timing, boolean inGivenOrder) {
        List<String> order = inGivenOrder ? departments : speakingOrder(departments);
        if (timing.lengthMinutes() <= 0 || timing.salesMinutes() < 0 || timing.departmentMinutes() < 0
                || timing.followUpMinutesPerAction() < 0 || timing.freeDiscussionMinutes() < 0
                || timing.bufferMinutes() < 0) {
            throw new IllegalArgumentException("会议时长须为正数，各项分钟数不能为负 / minutes must not be negative");
        }
        Agenda agenda = build(companyCode, period, purpose, start, order, followUps, timing);
        if (!agenda.fits()) {
            throw new AgendaDoesNotFitException(agenda.totalMinutes(), agenda.lengthMinutes());
        }
        return agenda;
    }

    static List<String> speakingOrder(List<String> departments) {
        List<String> order = new ArrayList<>();
        if (departments.contains("sales")) {
            order.add("sales");
        }
        departments.stream().filter(d -> !"sales".equals(d) && !order.contains(d)).forEach(order::add);
        return order;
    }

    private static Agenda build(String companyCode, String period, String purpose, LocalDateTime start,
            List<String> departments, List<FollowUp> followUps, Timing timing) {
        List<Item> items = new ArrayList<>();
        for (String department : departments) {
            int minutes = "sales".equals(department) ? timing.salesMinutes() : timing.departmentMinutes();
            items.add(new Item(items.size() + 1, Kind.DEPARTMENT_REPORT, department, null,
                    DEPARTMENT_NAMES.getOrDefault(department, department) + "汇报（汇报三步曲）与质询 / " + department
                            + " report and inquiry", minutes));
        }
        for (FollowUp followUp : followUps) {
            items.add(new Item(items.size() + 1, Kind.ACTION_FOLLOW_UP, followUp.department(), followUp.actionId(),
                    "上期改进行动跟进 #" + followUp.actionId() + "：" + followUp.title(), timing.followUpMinutesPerAction()));
        }
        items.add(new Item(items.size() + 1, Kind.FREE_DISCUSSION, null, null, "自由讨论 Free discussion",
                timing.freeDiscussionMinutes()));
        items.add(new Item(items.size() + 1, Kind.BUFFER, null, null, "机动时间 Buffer", timing.bufferMinutes()));
        return new Agenda(null, companyCode, period, purpose, start, timing.lengthMinutes(),
                timing.freeDiscussionMinutes(), timing.bufferMinutes(), "draft", null, items);
    }
}
