package com.perftrack.dashboard;

import com.perftrack.action.ActionPickers;
import com.perftrack.action.ActionService;
import com.perftrack.calendar.BusinessCalendar;
import com.perftrack.dashboard.DashboardViews.ActionRow;
import com.perftrack.security.CommitteeGroup;
import com.perftrack.security.CurrentUser;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** The action panel of the dashboard: the actions the caller may see, one row per action, by name. */
@Service
class DashboardActions {

    private final ActionService actions;
    private final ActionPickers names;
    private final BusinessCalendar calendar;

    DashboardActions(ActionService actions, ActionPickers names, BusinessCalendar calendar) {
        this.actions = actions;
        this.names = names;
        this.calendar = calendar;
    }

    List<ActionRow> rows(DashboardScope scope, CurrentUser user, String companyCode, String status) {
        if (companyCode != null && !companyCode.isBlank() && !scope.canSeeCompany(companyCode)) {
            scope.reader().requireCompany(companyCode);
        }
        var visible = actions.actionsVisibleTo(user, status, null, null, null).stream()
                .filter(a -> scope.canSeeCompany(a.companyCode()))
                .filter(a -> companyCode == null || companyCode.isBlank() || companyCode.equals(a.companyCode()))
                .toList();
        Map<String, String> people = new HashMap<>();
        Map<String, String> departments = new HashMap<>();
        return ActionRows.of(visible, calendar.today(), id -> people.computeIfAbsent(id, names::nameOf),
                (company, group) -> departments.computeIfAbsent(company + "|" + group,
                        k -> names.departmentName(company, group)),
                group -> CommitteeGroup.byId(group).map(CommitteeGroup::displayName).orElse(group));
    }
}
