package com.perftrack.security;

import java.util.Arrays;
import java.util.Optional;

/** The Camunda groups of SPEC.md section 1: every candidate group in a model is one of these. */
public enum CommitteeGroup {
    COMMITTEE_CHAIR("committee-chair", "业绩跟踪委员会主任（总经理）"),
    COMMITTEE_VICE_CHAIR("committee-vice-chair", "业绩跟踪委员会副主任"),
    SECRETARY_GENERAL("secretary-general", "秘书长（销售副总）"),
    SALES("sales", "销售部"),
    MARKETING("marketing", "市场部（委员会常设办公室）"),
    PRODUCTION("production", "生产部"),
    QUALITY("quality", "质量部"),
    FINANCE("finance", "财务部"),
    HR("hr", "人力资源部"),
    PROCUREMENT("procurement", "采购部"),
    PROJECT_MANAGEMENT("project-management", "项目管理部"),
    CONTRACT_PLANNING("contract-planning", "合同计划部"),
    EMPLOYEE("employee", "员工");

    private final String id;
    private final String displayName;

    CommitteeGroup(String id, String displayName) {
        this.id = id;
        this.displayName = displayName;
    }

    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public static Optional<CommitteeGroup> byId(String id) {
        return Arrays.stream(values()).filter(g -> g.id.equals(id)).findFirst();
    }

    /** Committee leadership: sees every department's results and tasks history. */
    public boolean isLeadership() {
        return this == COMMITTEE_CHAIR || this == COMMITTEE_VICE_CHAIR || this == SECRETARY_GENERAL;
    }
}
