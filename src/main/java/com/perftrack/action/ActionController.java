package com.perftrack.action;

import com.perftrack.meeting.ResourceRequest;
import com.perftrack.meeting.ResourceRequestService;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.perftrack.organisation.ReaderScope;
import com.perftrack.organisation.ReaderScopes;
import com.perftrack.security.CurrentUser;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/actions} and {@code GET /api/actions/{id}} (with its ten-day reports and the
 * resources granted for its finding's external cause), of the
 * caller's companies only. Committee members (leadership and every department group) see all
 * their companies' actions; anybody else, e.g. an employee, only those they own or are named
 * responsible for. Another company's action is "not found", as if it did not exist.
 */
@RestController
@RequestMapping("/api/actions")
class ActionController {

    record ActionDetails(@JsonUnwrapped ActionView action, List<TenDayReport> reports,
            List<GrantedResource> grantedResources) {}

    /** A resource the meeting granted for the external cause this action serves (issue 13). */
    record GrantedResource(long requestId, String request, String requestedFrom, String decidedBy, String reason) {}

    private final ActionService actions;
    private final ReaderScopes scopes;
    private final ResourceRequestService requests;

    ActionController(ActionService actions, ReaderScopes scopes, ResourceRequestService requests) {
        this.actions = actions;
        this.scopes = scopes;
        this.requests = requests;
    }

    @GetMapping
    List<ActionView> list(@RequestParam(required = false) String status, @RequestParam(required = false) String period,
            @RequestParam(required = false) String department, @RequestParam(required = false) String owner) {
        if (status != null && !status.isBlank() && !ActionService.STATUS_FILTERS.contains(status)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "status 须为 open、done、overdue、improved、reissued"
                    + " 或 closed / status must be open, done, overdue, improved, reissued or closed, got '" + status + "'");
        }
        CurrentUser user = currentUser();
        ReaderScope scope = scopes.current();
        List<ActionView> found = actions.actionsVisibleTo(user, status, period, department, owner);
        return found.stream().filter(a -> scope.seesCompany(a.companyCode())).toList();
    }

    @GetMapping("/{id}")
    ActionDetails one(@PathVariable long id) {
        CurrentUser user = currentUser();
        ReaderScope scope = scopes.current();
        ActionView action = actions.action(id)
                .filter(a -> scope.seesCompany(a.companyCode()))
                .filter(a -> ActionService.seesAll(user) || user.userId().equals(a.ownerUserId())
                        || user.userId().equals(a.responsiblePerson()) || user.userId().equals(a.authorUserId()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "改进行动 " + id + " 不存在 / no improvement action " + id));
        return new ActionDetails(action, actions.reports(id), requests.forFinding(action.findingId())
                .filter(ResourceRequest::granted).stream().map(r -> new GrantedResource(r.id(), r.request(),
                        r.requestedFrom(), r.decidedBy(), r.reason())).toList());
    }

    private static CurrentUser currentUser() {
        return CurrentUser.get().orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
    }
}
