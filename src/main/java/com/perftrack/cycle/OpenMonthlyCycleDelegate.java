package com.perftrack.cycle;

import static com.perftrack.cycle.CycleVariables.*;
import com.perftrack.calendar.BusinessCalendar;
import com.perftrack.organisation.CompanySettings;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Service task {@code Task_OpenMonthlyCycle} of {@code monthly-cycle-scheduler}: opens the cycle of
 * the month that has just ended (on 1 December, November is reviewed). A period that someone has
 * already opened by hand is left alone, so the timer never produces a duplicate or an incident.
 */
@Component
class OpenMonthlyCycleDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(OpenMonthlyCycleDelegate.class);
    static final String CYCLE_PROCESS = "monthly-tracking-cycle";

    private final RuntimeService runtimeService;
    private final CycleRegistry registry;
    private final CompanySettings company;
    private final BusinessCalendar calendar;

    OpenMonthlyCycleDelegate(RuntimeService runtimeService, CycleRegistry registry, CompanySettings company,
            BusinessCalendar calendar) {
        this.runtimeService = runtimeService;
        this.registry = registry;
        this.company = company;
        this.calendar = calendar;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String period = calendar.currentPeriod().previous().toString();
        PERIOD.set(execution, period);
        if (registry.find(company.code(), period).isPresent()) {
            log.info("Cycle {} of company {} is already open; the timer leaves it alone", period, company.code());
            CYCLE_ALREADY_OPEN.set(execution, true);
            return;
        }
        var cycle = runtimeService.startProcessInstanceByKey(CYCLE_PROCESS, period,
                Map.of("period", period, "companyCode", company.code()));
        CYCLE_ALREADY_OPEN.set(execution, false);
        CYCLE_PROCESS_INSTANCE_ID.set(execution, cycle.getId());
    }
}
