package com.perftrack.evaluation;

import static com.perftrack.evaluation.QuarterlyEvaluationVariables.*;
import com.perftrack.calendar.BusinessCalendar;
import com.perftrack.calendar.Quarter;
import com.perftrack.organisation.OrgUnit;
import com.perftrack.organisation.OrganisationService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code Task_OpenQuarterlyEvaluation} of {@code quarterly-evaluation-scheduler}: after a
 * quarter's last month has been reported, opens the evaluation of the quarter that has just ended,
 * one per company (each company's HR and general manager see their own people only), except where
 * someone already opened it by hand. Without any company in the organisation, one evaluation opens.
 */
@Component
class OpenQuarterlyEvaluationDelegate implements JavaDelegate {

    static final String PROCESS = "quarterly-evaluation";

    private final RuntimeService runtimeService;
    private final BusinessCalendar calendar;
    private final OrganisationService organisation;
    private final EvaluationService evaluations;

    OpenQuarterlyEvaluationDelegate(RuntimeService runtimeService, BusinessCalendar calendar,
            OrganisationService organisation, EvaluationService evaluations) {
        this.runtimeService = runtimeService;
        this.calendar = calendar;
        this.organisation = organisation;
        this.evaluations = evaluations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Quarter quarter = calendar.currentPeriod().quarter().previous();
        QUARTER.set(execution, quarter);
        List<String> companies = new ArrayList<>();
        organisation.companies().stream().map(OrgUnit::code).forEach(companies::add);
        if (companies.isEmpty()) {
            companies.add(null);
        }
        boolean allOpen = true;
        for (String company : companies) {
            if (evaluations.isOpenOrDone(quarter, company)) {
                continue;
            }
            allOpen = false;
            Map<String, Object> variables = new HashMap<>();
            variables.put(QUARTER.name(), quarter.toString());
            if (company != null) {
                variables.put(COMPANY_CODE.name(), company);
            }
            runtimeService.startProcessInstanceByKey(PROCESS, quarter.toString(), variables);
        }
        EVALUATION_ALREADY_OPEN.set(execution, allOpen);
    }
}
