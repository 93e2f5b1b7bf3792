package com.perftrack.evaluation;

import com.perftrack.calendar.Quarter;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.Spin;

/** The variables HR's and the general manager's forms read: the table, the two people pickers and the improvement plans. */
final class ProposalVariables {

    static final String TABLE = "proposalTable";
    static final String PERSON_OPTIONS = "personOptions";
    static final String TERMINATION_OPTIONS = "terminationOptions";
    /** The plans' history of the people with a fine or demotion/transfer review proposed. */
    static final String PLAN_TABLE = "planTable";

    private ProposalVariables() {
    }

    static void set(VariableScope scope, EvaluationTables tables, Quarter quarter, String company) {
        scope.setVariable(TABLE, Spin.JSON(tables.proposalTable(quarter, company)));
        scope.setVariable(PERSON_OPTIONS, Spin.JSON(tables.personOptions(quarter, company)));
        scope.setVariable(TERMINATION_OPTIONS, Spin.JSON(tables.terminationOptions(quarter, company)));
        scope.setVariable(PLAN_TABLE, Spin.JSON(tables.planTable(quarter, company)));
    }
}
