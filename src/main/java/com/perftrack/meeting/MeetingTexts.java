package com.perftrack.meeting;

import java.util.Map;

/** Labels shared by the meeting's forms. */
final class MeetingTexts {

    private static final Map<String, String> NAMES = Map.of(
            "sales", "销售部 Sales", "marketing", "市场部 Marketing", "production", "生产部 Production",
            "quality", "质量部 Quality", "finance", "财务部 Finance", "procurement", "采购部 Procurement",
            "project-management", "项目管理部 Project management", "contract-planning", "合同计划部 Contract planning",
            "hr", "人力资源部 HR");

    private MeetingTexts() {
    }

    static String departmentName(String department) {
        return NAMES.getOrDefault(department, department);
    }

    static String title(String cause) {
        String firstLine = cause.lines().findFirst().orElse(cause).trim();
        return firstLine.length() <= 120 ? firstLine : firstLine.substring(0, 119) + "…";
    }
}
