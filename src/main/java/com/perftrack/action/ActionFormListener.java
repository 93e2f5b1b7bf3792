package com.perftrack.action;

import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code Task_WriteActionForm}: on create puts the form's choices into the task (the company's
 * departments and users, {@code valuesKey} of the form's selects); on complete refuses a responsible person who is not one of the company's
 * users, with one sentence (422 through REST), so a hand-made request cannot name a stranger.
 */
@Component
class ActionFormListener implements TaskListener {

    static final String PEOPLE = "responsiblePersonOptions";
    static final String DEPARTMENTS = "departmentOptions";

    private final ActionPickers pickers;

    ActionFormListener(ActionPickers pickers) {
        this.pickers = pickers;
    }

    @Override
    public void notify(DelegateTask task) {
        String company = (String) task.getVariable("companyCode");
        String department = (String) task.getVariable("responsibleDepartment");
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setVariableLocal(PEOPLE, ActionPickers.asVariable(pickers.people(company)));
            task.setVariableLocal(DEPARTMENTS, ActionPickers.asVariable(pickers.departments(company, department)));
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            Object person = task.getVariable("responsiblePerson");
            List<ActionPickers.Option> people = pickers.people(company);
            if (person == null || person.toString().isBlank()) {
                throw new BadUserRequestException("请从列表中选择责任人 / choose the responsible person from the list");
            }
            if (!ActionPickers.offers(people, person.toString())) {
                throw new BadUserRequestException("责任人 '" + person + "' 不是本公司的用户，请从列表中选择 / '" + person
                        + "' is not a user of this company: choose the responsible person from the list");
            }
        }
    }
}
