package com.perftrack.support;

import com.perftrack.action.ActionView;
import java.time.LocalDate;

/** Action views for tests of the features that read actions (agenda, meeting). */
final class ActionViews {

    private ActionViews() {
    }

    static ActionView of(long id, String item, String department) {
        return new ActionView(id, 1L, "ACME", "2026-09", item, department, false, department + ".head", department,
                department + ".head", null, LocalDate.of(2026, 10, 31), "SALES_AMOUNT 提升 10%", "每周复盘",
                ActionView.OPEN, 1, LocalDate.of(2026, 9, 10), LocalDate.of(2026, 10, 20), null, null, null, null,
                null, "pi-" + id);
    }
}
