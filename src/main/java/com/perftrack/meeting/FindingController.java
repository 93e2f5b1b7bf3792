package com.perftrack.meeting;

import com.perftrack.calendar.ReportingPeriod;
import com.perftrack.organisation.CompanySettings;
import com.perftrack.organisation.ReaderScope;
import com.perftrack.organisation.ReaderScopes;
import com.perftrack.security.CurrentUser;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The meeting's findings through REST: {@code GET /api/findings?period=[&companyCode=]} lists every
 * finding of the meeting (merged and withdrawn ones too) with its status, related departments'
 * parts and history; {@code GET /api/findings/changes?period=} the whole change log. The
 * secretary-general's final word, the same as in Tasklist's "确定问题与责任部门":
 * {@code POST /api/findings/{id}/accept}, {@code PUT /api/findings/{id}} (define),
 * {@code POST /api/findings/{id}/merge} ({@code intoFindingId}), {@code POST /api/findings} (add),
 * {@code POST /api/findings/send-back} and {@code POST /api/findings/confirm} (these two complete the
 * cycle's open confirmation task, so the cycle moves on exactly as from Tasklist). A related
 * department adds its part with {@code POST /api/findings/{id}/related-parts}. Refusals are RFC 7807
 * problems with one sentence: 400 bad parameter, 403 not yours, 404 unknown, 409 no longer
 * changeable, 422 bad value.
 */
@RestController
@RequestMapping("/api/findings")
class FindingController {

    static final String SECRETARY_GENERAL = "secretary-general";

    record Change(String changeType, String department, String detail, String changedBy, Instant changedAt) {}

    record FindingView(long findingId, String companyCode, String period, int number, String reportingDepartment,
            String kpiCode, String title, String cause, String causeType, List<String> relatedDepartments,
            List<String> responsibleDepartments, String responsibleUserId, String solution, LocalDate deadline,
            String status, Long mergedInto, List<RelatedPart> relatedParts, List<Change> history) {}

    record Definition(List<String> responsibleDepartments, String responsibleUserId, String solution, String deadline) {}

    record NewFinding(String period, String companyCode, String reportingDepartment, String cause, String causeType,
            List<String> responsibleDepartments, String responsibleUserId, String solution, String deadline) {}

    record Merge(Long intoFindingId) {}

    record SendBack(String period, String companyCode, String department, String reason) {}

    record Confirm(String period, String companyCode, String comment) {}

    record Part(String department, String part) {}

    private final FindingDecisions decisions;
    private final FindingService findings;
    private final ReaderScopes scopes;
    private final CompanySettings company;
    private final TaskService tasks;

    FindingController(FindingDecisions decisions, ReaderScopes scopes, CompanySettings company, TaskService tasks) {
        this.decisions = decisions;
        this.findings = decisions.findings();
        this.scopes = scopes;
        this.company = company;
        this.tasks = tasks;
    }

    @GetMapping
    List<FindingView> list(@RequestParam String period, @RequestParam(required = false) String companyCode) {
        String code = readableCompany(period, companyCode);
        List<FindingChange> changes = findings.changes(code, period);
        return findings.allFindings(code, period).stream().map(f -> view(f, changes)).toList();
    }

    @GetMapping("/changes")
    List<FindingChange> changes(@RequestParam String period, @RequestParam(required = false) String companyCode) {
        return findings.changes(readableCompany(period, companyCode), period);
    }

    @PostMapping("/{id}/accept")
    FindingView accept(@PathVariable long id) {
        String user = secretaryGeneralOf(existing(id));
        decisions.accept(id, user);
        return one(id);
    }

    @PutMapping("/{id}")
    FindingView define(@PathVariable long id, @RequestBody Definition body) {
        String user = secretaryGeneralOf(existing(id));
        decisions.define(id, new FindingDecisions.Definition(body.responsibleDepartments() == null ? List.of()
                : body.responsibleDepartments(), body.responsibleUserId(), body.solution(), date(body.deadline())), user);
        return one(id);
    }

    @PostMapping("/{id}/merge")
    FindingView merge(@PathVariable long id, @RequestBody Merge body) {
        String user = secretaryGeneralOf(existing(id));
        if (body.intoFindingId() == null) {
            throw FindingRefusal.invalid("请给出合并到的问题 intoFindingId / intoFindingId is required");
        }
        secretaryGeneralOf(existing(body.intoFindingId()));
        decisions.merge(id, body.intoFindingId(), user);
        return one(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    FindingView add(@RequestBody NewFinding body) {
        String code = writableCompany(body.period(), body.companyCode());
        String user = currentUser().userId();
        long id = decisions.add(code, body.period(), new FindingDecisions.NewFinding(body.reportingDepartment(),
                body.cause(), body.causeType(), new FindingDecisions.Definition(body.responsibleDepartments() == null
                        ? List.of() : body.responsibleDepartments(), body.responsibleUserId(), body.solution(),
                        date(body.deadline()))), user);
        return one(id);
    }

    @PostMapping("/send-back")
    List<FindingView> sendBack(@RequestBody SendBack body) {
        String code = writableCompany(body.period(), body.companyCode());
        Map<String, Object> values = new HashMap<>();
        values.put("findingsDecision", "sendBack");
        values.put("sendBackDepartment", body.department());
        values.put("sendBackReason", body.reason());
        complete(confirmationTask(code, body.period()), values);
        return list(body.period(), code);
    }

    @PostMapping("/confirm")
    List<FindingView> confirm(@RequestBody Confirm body) {
        String code = writableCompany(body.period(), body.companyCode());
        Map<String, Object> values = new HashMap<>();
        values.put("findingsDecision", "confirmAll");
        values.put("findingsComment", body.comment());
        complete(confirmationTask(code, body.period()), values);
        return list(body.period(), code);
    }

    @PostMapping("/{id}/related-parts")
    FindingView relatedPart(@PathVariable long id, @RequestBody Part body) {
        Finding f = existing(id);
        ReaderScope scope = scopes.current();
        scope.requireCompany(f.companyCode());
        CurrentUser user = currentUser();
        if (body.department() == null || !user.isMemberOf(body.department())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有该相关部门的成员可以补充配合措施 / only members of "
                    + "the related department may add its part");
        }
        decisions.addRelatedPart(id, body.department(), body.part(), user.userId());
        return one(id);
    }

    @ExceptionHandler(FindingRefusal.class)
    ProblemDetail refused(FindingRefusal e) {
        HttpStatus status = switch (e.kind()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case INVALID -> HttpStatus.UNPROCESSABLE_ENTITY;
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setTitle("问题修改被拒绝 / finding change refused");
        return problem;
    }

    /** Completes the task as the caller; the listener's refusal comes back as itself (not as the engine's wrapper). */
    private void complete(Task task, Map<String, Object> values) {
        try {
            tasks.complete(task.getId(), values);
        } catch (org.camunda.bpm.engine.ProcessEngineException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof FindingRefusal refusal) {
                    throw refusal;
                }
            }
            throw e;
        }
    }

    private Task confirmationTask(String code, String period) {
        Task task = tasks.createTaskQuery().processDefinitionKey("monthly-tracking-cycle")
                .taskDefinitionKey("Task_ConfirmFindings").processVariableValueEquals("companyCode", code)
                .processVariableValueEquals("period", period).singleResult();
        if (task == null) {
            throw FindingRefusal.conflict("周期 " + code + " " + period + " 现在不在\"确定问题与责任部门\"这一步 / the cycle is "
                    + "not waiting for the findings to be confirmed");
        }
        return task;
    }

    private FindingView one(long id) {
        Finding f = existing(id);
        return view(f, findings.changes(f.companyCode(), f.period()));
    }

    private FindingView view(Finding f, List<FindingChange> changes) {
        return new FindingView(f.id(), f.companyCode(), f.period(), f.number(), f.reportingDepartment(), f.kpiCode(),
                f.title(), f.cause(), f.causeType(), f.relatedDepartmentList(), f.responsibleDepartmentList(),
                f.responsibleUserId(), f.solution(), f.deadline(), f.status(), f.mergedInto(), findings.relatedParts(f.id()),
                changes.stream().filter(c -> f.id().equals(c.findingId()))
                        .map(c -> new Change(c.changeType(), c.department(), c.detail(), c.changedBy(), c.changedAt()))
                        .toList());
    }

    private Finding existing(long id) {
        Finding f = findings.find(id).orElseThrow(() -> FindingRefusal.notFound(id));
        if (!scopes.current().seesCompany(f.companyCode())) {
            throw FindingRefusal.notFound(id);
        }
        return f;
    }

    private String readableCompany(String period, String companyCode) {
        if (period == null || !ReportingPeriod.isValid(period)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "期间应为 YYYY-MM、YYYY-Qn、YYYY-Hn 或 YYYY / period must be YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY");
        }
        ReaderScope scope = scopes.current();
        if (scope.employee()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "会议问题仅供委员会成员 / findings are for the committee");
        }
        return scopes.companyOrDefault(scope, companyCode, company.code());
    }

    private String writableCompany(String period, String companyCode) {
        String code = readableCompany(period, companyCode);
        requireSecretaryGeneral();
        return code;
    }

    private String secretaryGeneralOf(Finding f) {
        scopes.current().requireCompany(f.companyCode());
        return requireSecretaryGeneral();
    }

    private String requireSecretaryGeneral() {
        CurrentUser user = currentUser();
        if (!user.isMemberOf(SECRETARY_GENERAL) && !user.isMemberOf(Groups.CAMUNDA_ADMIN)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有秘书长可以最终确定问题 / only the secretary-general "
                    + "defines the findings");
        }
        return user.userId();
    }

    private static CurrentUser currentUser() {
        return CurrentUser.get().orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
    }

    private static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeException e) {
            throw FindingRefusal.invalid("期限应为 YYYY-MM-DD / the deadline must be YYYY-MM-DD, got '" + text + "'");
        }
    }
}
