package com.perftrack.evaluation;

import com.perftrack.calendar.Quarter;
import com.perftrack.organisation.OrganisationService;
import com.perftrack.organisation.ReaderScope;
import com.perftrack.organisation.ReaderScopes;
import com.perftrack.security.CurrentUser;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Money for rewards and penalties (issue 14): the company's bases per role for "share" rules
 * ({@code GET/PUT /api/reward-bases}, HR of the company) and the quarter's payroll workbook
 * ({@code GET /api/evaluations/payroll?quarter=}, HR and the committee leadership): the bonuses and
 * fines that stand after confirmation, one row each, CNY with two decimals.
 */
@RestController
class PayrollController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** A base: {@code peerGroup} a role, or "*" for every role without its own. */
    record RewardBaseRequest(String companyCode, String peerGroup, BigDecimal baseAmount) {
    }

    private final EvaluationService evaluations;
    private final EvaluationRepository repository;
    private final ReaderScopes scopes;
    private final OrganisationService organisation;

    PayrollController(EvaluationService evaluations, EvaluationRepository repository, ReaderScopes scopes,
            OrganisationService organisation) {
        this.evaluations = evaluations;
        this.repository = repository;
        this.scopes = scopes;
        this.organisation = organisation;
    }

    @GetMapping("/api/reward-bases")
    List<EvaluationRepository.RewardBase> bases(@RequestParam String companyCode) {
        requireLeadership(companyCode);
        return repository.rewardBases(companyCode);
    }

    @PutMapping("/api/reward-bases")
    EvaluationRepository.RewardBase setBase(@RequestBody RewardBaseRequest request) {
        CurrentUser user = CurrentUser.get().orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
        if (request == null || blank(request.companyCode()) || blank(request.peerGroup()) || request.baseAmount() == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "请给出 companyCode、peerGroup（岗位，或 * 表示所有岗位）和 "
                    + "baseAmount / give companyCode, peerGroup (a role, or * for every role) and baseAmount");
        }
        ReaderScope scope = scopes.current();
        if (!scope.everything() && !(user.isMemberOf("hr") && scope.seesCompany(request.companyCode()))) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有本公司人力资源部可以设定奖金基数 / only the company's HR sets "
                    + "the bases");
        }
        if (organisation.findUnit(request.companyCode()).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_ENTITY, "未知公司 / unknown company "
                    + request.companyCode());
        }
        BigDecimal amount = request.baseAmount();
        if (amount.signum() < 0 || amount.compareTo(EvaluationService.MAX_AMOUNT) > 0
                || amount.stripTrailingZeros().scale() > 2 || request.peerGroup().length() > 64) {
            throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_ENTITY, "基数须在 0 至 10,000,000 元之间，最多两位小数 / "
                    + "the base must be 0 to 10,000,000 CNY with at most two decimals");
        }
        evaluations.setRewardBase(request.companyCode(), request.peerGroup().trim(), OutcomeRules.cents(amount),
                user.userId());
        return repository.rewardBases(request.companyCode()).stream()
                .filter(b -> b.peerGroup().equals(request.peerGroup().trim())).findFirst().orElseThrow();
    }

    @GetMapping("/api/evaluations/payroll")
    ResponseEntity<byte[]> payroll(@RequestParam String quarter, @RequestParam(required = false) String companyCode) {
        Quarter q;
        try {
            q = Quarter.parse(quarter);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        ReaderScope scope = requireLeadership(companyCode);
        List<EvaluationView> rows = evaluations.results(q).stream()
                .filter(e -> scope.seesCompany(e.companyCode()))
                .filter(e -> companyCode == null || companyCode.equals(e.companyCode()))
                .filter(e -> !EvaluationView.PROPOSED.equals(e.state()))
                .filter(e -> Outcomes.BONUS.equals(e.outcome()) || Outcomes.FINE.equals(e.outcome()))
                .toList();
        Map<String, String> names = new java.util.HashMap<>();
        rows.forEach(e -> names.put(e.personCode(), organisation.findUnit(e.personCode())
                .map(u -> u.name()).orElse(e.personCode())));
        byte[] body = PayrollWorkbook.write(q, rows, names);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("payroll-" + q + ".xlsx").build().toString())
                .contentType(MediaType.parseMediaType(XLSX)).body(body);
    }

    /** HR and the committee leadership of the company (null: of theirs); administrators of all. */
    private ReaderScope requireLeadership(String companyCode) {
        CurrentUser user = CurrentUser.get().orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
        ReaderScope scope = scopes.current();
        if (scope.everything()) {
            return scope;
        }
        if (!user.isMemberOfAny(EvaluationController.SEE_ALL)
                || (companyCode != null && !scope.seesCompany(companyCode))) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "奖金与罚款仅供人力资源部和委员会领导 / bonuses and fines are "
                    + "for HR and the committee leadership");
        }
        return scope;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
