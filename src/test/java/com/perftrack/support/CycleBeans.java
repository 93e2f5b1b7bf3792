package com.perftrack.support;

import com.perftrack.action.ActionService;
import com.perftrack.action.ActionView;
import com.perftrack.kpi.FigureService;
import com.perftrack.kpi.KpiResultService;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * The beans monthly-tracking-cycle needs, for engine-only process tests: our own services on the
 * test's H2 database, and the given doubles for the KPI engine, the actions and the mail server.
 */
public final class CycleBeans {

    private CycleBeans() {
    }

    public static void wire(Map<Object, Object> beans, ProcessEngine engine, ProcessTestEngine db, String companyType,
            FigureService figures, KpiResultService results, ActionService actions, JavaMailSender mail) {
        beans.putAll(com.perftrack.cycle.CycleTestBeans.cycleBeans(engine, db.jdbc(), companyType, figures, results, mail));
        beans.putAll(com.perftrack.agenda.AgendaTestBeans.agendaBeans(db.jdbc(), actions));
        beans.putAll(com.perftrack.meeting.MeetingTestBeans.meetingBeans(engine, db.jdbc(), results, mail));
        beans.putAll(com.perftrack.action.ActionTestBeans.cycleActionBeans(engine, db.jdbc(), actions));
        beans.putAll(com.perftrack.cycle.CycleTestBeans.feedbackBeans(engine, db.jdbc(), actions, mail));
    }

    /** Users "id:group" with an e-mail address, created once per engine. */
    public static void users(ProcessEngine engine, String... userAndGroup) {
        var identity = engine.getIdentityService();
        for (String entry : userAndGroup) {
            String id = entry.split(":")[0];
            String group = entry.split(":")[1];
            if (identity.createGroupQuery().groupId(group).count() == 0) {
                identity.saveGroup(identity.newGroup(group));
            }
            if (identity.createUserQuery().userId(id).count() == 0) {
                var user = identity.newUser(id);
                user.setEmail(id + "@test.example");
                identity.saveUser(user);
                identity.createMembership(id, group);
            }
        }
    }

    public static ActionView action(long id, String item, String department) {
        return ActionViews.of(id, item, department);
    }
}
