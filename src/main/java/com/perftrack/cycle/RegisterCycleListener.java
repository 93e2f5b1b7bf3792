package com.perftrack.cycle;

import com.perftrack.calendar.BusinessCalendar;
import com.perftrack.calendar.ReportingPeriod;
import com.perftrack.organisation.CompanySettings;
import java.util.Date;
import com.perftrack.organisation.OrgUnit;
import com.perftrack.organisation.OrganisationService;
import com.perftrack.security.ConflictRefusal;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Component;
import static com.perftrack.cycle.CycleVariables.PERIOD_LABEL;

/**
 * Process start listener of {@code monthly-tracking-cycle}. Runs inside the starting transaction,
 * so a refused start leaves nothing behind: fixes the period (a timer start opens the month that
 * has just ended), the company and its type, sets the period as business key, and registers the
 * cycle. A second start for the same company and period is refused with a clear message
 * (HTTP 409 from /engine-rest, a notification in Tasklist).
 */
@Component("registerCycleListener")
class RegisterCycleListener implements ExecutionListener {

    private final CycleRegistry registry;
    private final CompanySettings company;
    private final BusinessCalendar calendar;
    private final HistoryService historyService;
    private final CycleSettings settings;
    private final OrganisationService organisation;

    RegisterCycleListener(CycleRegistry registry, CompanySettings company, BusinessCalendar calendar,
            HistoryService historyService, CycleSettings settings, OrganisationService organisation) {
        this.settings = settings;
        this.organisation = organisation;
        this.registry = registry;
        this.company = company;
        this.calendar = calendar;
        this.historyService = historyService;
    }

    @Override
    public void notify(DelegateExecution execution) {
        ReportingPeriod period = periodOf(execution);
        // without companyCode, the company the engine gave the instance (the starter's, see CompanyTenantIdProvider)
        String companyCode = stringOr(execution.getVariable("companyCode"),
                execution.getTenantId() != null ? execution.getTenantId() : company.code());
        execution.setVariable("period", period.toString());
        execution.setVariable("companyCode", companyCode);
        if (execution.getVariable("companyType") == null) {
            // the organisation file's company type wins; the setting serves an installation without one
            execution.setVariable("companyType", organisation.findUnit(companyCode)
                    .filter(u -> OrgUnit.COMPANY.equals(u.unitType()) && CompanySettings.TYPES.contains(u.role()))
                    .map(OrgUnit::role).orElse(company.type()));
        }
        execution.setProcessBusinessKey(period.toString());
        PERIOD_LABEL.set(execution, label(period));
        execution.setVariable("collectionDueDate",
                Date.from(calendar.nowZoned().plusDays(settings.collectionDays()).toInstant()));
        execution.setVariable("collectionReminderDuration", "P" + settings.reminderDays() + "D");

        String instanceId = execution.getProcessInstanceId();
        var existing = registry.find(companyCode, period.toString());
        if (existing.isPresent()) {
            if (!wasCancelled(existing.get().processInstanceId())) {
                throw alreadyExists(companyCode, period, existing.get().processInstanceId());
            }
            registry.reassign(companyCode, period.toString(), instanceId, calendar.now());
        } else if (!registry.register(companyCode, period.toString(), instanceId, calendar.now())) {
            throw alreadyExists(companyCode, period, "?"); // started at the same moment by someone else
        }
    }

    /**
     * What the forms say about a longer period (a month's forms need nothing): they were written for
     * the monthly review, so 本月 / "this month" there means the whole quarter or half year.
     */
    static String label(ReportingPeriod period) {
        if (period.monthly()) {
            return "";
        }
        return period.length().nameZh() + "评审 " + period + "（" + period.first() + " 至 " + period.last() + "）："
                + "本表中的“本月”“月度”均指本期。 / " + capitalised(period.length().nameEn()) + " review " + period
                + " (" + period.first() + " to " + period.last() + "): 'this month' and 'monthly' mean the whole period.";
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static ConflictRefusal alreadyExists(String companyCode, ReportingPeriod period, String instanceId) {
        // 409 through REST; the instance id stays out of the sentence a person reads
        return new ConflictRefusal("期间 " + period + " 的业绩跟踪周期已存在（公司 " + companyCode
                + "），不能重复开启。/ A tracking cycle for period " + period
                + " already exists for company " + companyCode + ".");
    }

    /**
     * The month, quarter, half year or year under review (SPEC.md section 7: the quarterly and
     * half-yearly reviews run on this model). A period may be opened once its first month has begun.
     */
    private ReportingPeriod periodOf(DelegateExecution execution) {
        Object given = execution.getVariable("period");
        if (given == null || given.toString().isBlank()) {
            // the timer opens the month that has just ended: on 1 December, November is reviewed
            return ReportingPeriod.of(calendar.currentPeriod().previous());
        }
        ReportingPeriod period;
        try {
            period = ReportingPeriod.parse(given.toString());
        } catch (IllegalArgumentException e) {
            throw new BadUserRequestException(e.getMessage());
        }
        if (period.first().compareTo(calendar.currentPeriod()) > 0) {
            throw new BadUserRequestException("期间 " + period + " 尚未开始，不能开启周期 / period " + period
                    + " lies in the future");
        }
        return period;
    }

    /** A cycle cancelled in Cockpit frees its period; a running or finished one does not. */
    private boolean wasCancelled(String processInstanceId) {
        HistoricProcessInstance earlier = historyService.createHistoricProcessInstanceQuery()
                .processInstanceId(processInstanceId).singleResult();
        return earlier == null
                || HistoricProcessInstance.STATE_EXTERNALLY_TERMINATED.equals(earlier.getState())
                || HistoricProcessInstance.STATE_INTERNALLY_TERMINATED.equals(earlier.getState());
    }

    private static String stringOr(Object value, String fallback) {
        return value == null || value.toString().isBlank() ? fallback : value.toString();
    }
}
