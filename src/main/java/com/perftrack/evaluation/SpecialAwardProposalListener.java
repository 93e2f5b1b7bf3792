package com.perftrack.evaluation;

import static com.perftrack.evaluation.SpecialAwardVariables.*;
import com.perftrack.organisation.OrgUnit;
import com.perftrack.organisation.OrganisationService;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start of {@code special-contribution-award}: the nominee must be a tracked person and the
 * contribution described; the proposer is recorded. A bad proposal is refused and nothing starts.
 */
@Component("specialAwardProposalListener")
class SpecialAwardProposalListener implements ExecutionListener {

    private final OrganisationService organisation;

    SpecialAwardProposalListener(OrganisationService organisation) {
        this.organisation = organisation;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String personCode = AWARD_PERSON_CODE.getOr(execution, "");
        OrgUnit person = organisation.findUnit(personCode).filter(OrgUnit::isPerson)
                .orElseThrow(() -> new BadUserRequestException("组织文件中没有编码为 " + personCode
                        + " 的人员，请核对员工编码。/ No tracked person with code '" + personCode + "'."));
        String company = execution.getTenantId();
        if (company != null && !company.equals(person.companyCode())) {
            // the award's HR review and decision belong to the instance's company: the nominee must be one of its people
            throw new BadUserRequestException("员工 " + person.code() + " 不属于公司 " + company + "，请以 companyCode 指明其公司 / "
                    + "person " + person.code() + " does not belong to company " + company + "; start with their companyCode");
        }
        if (AWARD_CONTRIBUTION.get(execution) == null) {
            throw new BadUserRequestException("请描述突出贡献 / describe the contribution");
        }
        if (AWARD_PROPOSAL.get(execution) == null) {
            throw new BadUserRequestException("请填写建议奖励 / propose a reward");
        }
        var authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        AWARD_PERSON_CODE.set(execution, person.code());
        AWARD_PERSON_NAME.set(execution, person.name());
        AWARD_PROPOSED_BY.set(execution, authentication == null ? null : authentication.getUserId());
        execution.setProcessBusinessKey(person.code());
    }
}
