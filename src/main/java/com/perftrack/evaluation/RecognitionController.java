package com.perftrack.evaluation;

import com.perftrack.organisation.ReaderScopes;
import com.perftrack.security.CompanyAccess;
import com.perftrack.security.CurrentUser;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/recognition[?companyCode=]}: the company's public recognitions, for its members;
 * {@code GET|PUT /api/recognition/opt-out} ({@code {"optedOut": true}}): a tracked person's own choice
 * not to be shown or announced.
 */
@RestController
class RecognitionController {

    /** The caller's person codes and whether they opted out. */
    record OptOut(List<String> personCodes, boolean optedOut) {}

    private final RecognitionService recognition;
    private final CompanyAccess companies;
    private final ReaderScopes scopes;
    private final String defaultCompany;

    RecognitionController(RecognitionService recognition, CompanyAccess companies, ReaderScopes scopes,
            @Value("${ptc.company.code:DEMO}") String defaultCompany) {
        this.recognition = recognition;
        this.companies = companies;
        this.scopes = scopes;
        this.defaultCompany = defaultCompany;
    }

    @GetMapping("/api/recognition")
    List<RecognitionService.RecognitionView> recognitions(@RequestParam(required = false) String companyCode) {
        String company = companyCode == null || companyCode.isBlank() ? defaultCompany : companyCode;
        if (!companies.current().includes(company)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "表彰仅供本公司人员查看 / recognitions are for the "
                    + "company's own people (" + company + ")");
        }
        return recognition.ofCompany(company);
    }

    @GetMapping("/api/recognition/opt-out")
    OptOut optOut() {
        List<String> own = ownPersons();
        return new OptOut(own, !own.isEmpty() && own.stream().allMatch(recognition::isOptedOut));
    }

    @PutMapping("/api/recognition/opt-out")
    OptOut setOptOut(@RequestBody Map<String, Object> body) {
        List<String> own = ownPersons();
        if (own.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有被跟踪的人员本人可以选择不公开表彰 / only a tracked "
                    + "person chooses for themselves not to be recognised in public");
        }
        if (!(body.get("optedOut") instanceof Boolean optedOut)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "请给出 optedOut: true 或 false / give optedOut: "
                    + "true or false");
        }
        own.forEach(p -> recognition.setOptedOut(p, optedOut));
        return optOut();
    }

    private List<String> ownPersons() {
        CurrentUser user = CurrentUser.get().orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
        return List.copyOf(scopes.ownPersons(user.userId()));
    }
}
