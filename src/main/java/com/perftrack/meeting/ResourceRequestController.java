package com.perftrack.meeting;

import com.perftrack.organisation.CompanySettings;
import com.perftrack.organisation.ReaderScope;
import com.perftrack.organisation.ReaderScopes;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/resource-requests[?period=][&status=open|granted|declined][&companyCode=]} (SPEC.md
 * section 7): the resource requests of one of the caller's companies, for the committee.
 */
@RestController
class ResourceRequestController {

    /** One object per request, with exactly the fields of SPEC.md section 7. */
    record ResourceRequestView(long id, String period, String department, long findingId, String request,
            String requestedFrom, String status, String decidedBy, String reason) {

        static ResourceRequestView of(ResourceRequest r) {
            return new ResourceRequestView(r.id(), r.period(), r.department(), r.findingId(), r.request(),
                    r.requestedFrom(), r.status(), r.decidedBy(), r.reason());
        }
    }

    static final Set<String> STATUSES = Set.of(ResourceRequest.OPEN, ResourceRequest.GRANTED, ResourceRequest.DECLINED);

    private final ResourceRequestService requests;
    private final CompanySettings company;
    private final ReaderScopes scopes;

    ResourceRequestController(ResourceRequestService requests, CompanySettings company, ReaderScopes scopes) {
        this.requests = requests;
        this.company = company;
        this.scopes = scopes;
    }

    @GetMapping("/api/resource-requests")
    List<ResourceRequestView> requests(@RequestParam(required = false) String period,
            @RequestParam(required = false) String status, @RequestParam(required = false) String companyCode) {
        if (period != null && !period.matches("\\d{4}(-(0[1-9]|1[0-2]|Q[1-4]|H[12]))?")) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "周期格式应为 YYYY-MM、YYYY-Qn、YYYY-Hn 或 YYYY / period must be YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY");
        }
        if (status != null && !STATUSES.contains(status)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "状态只能是 open、granted 或 declined / status must be open, granted or declined");
        }
        ReaderScope scope = scopes.current();
        if (scope.employee()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "资源需求仅供委员会成员 / resource requests are for the committee");
        }
        String code = scopes.companyOrDefault(scope, companyCode, company.code());
        return requests.requests(code, period, status).stream().map(ResourceRequestView::of).toList();
    }
}
