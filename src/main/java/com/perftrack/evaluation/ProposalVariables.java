package com.perftrack.evaluation;

import com.perftrack.calendar.Quarter;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.Spin;

/** The variables HR's and the general manager's forms read: the table and the two people pickers. */
final class ProposalVariables {

    static final String TABLE = "proposalTable";
    static final String PERSON_OPTIONS = "personOptions";
    static final String TERMINATION_OPTIONS = "terminationOptions";

    private ProposalVariables() {
    }

    static void set(VariableScope scope, EvaluationTables tables, Quarter quarter, String company) {
        scope.setVariable(TABLE, Spin.JSON(tables.proposalTable(quarter, company)));
        scope.setVariable(PERSON_OPTIONS, Spin.JSON(tables.personOptions(quarter, company)));
        scope.setVariable(TERMINATION_OPTIONS, Spin.JSON(tables.terminationOptions(quarter, company)));
    }
}
