package com.perftrack.meeting;

import com.perftrack.notification.Notifier;
import com.perftrack.organisation.OrganisationService;
import java.util.List;
import org.springframework.stereotype.Service;

/** Mails a resource decision to the requesting department: its manager, else the department's group. */
@Service
public class ResourceRequestNotices {

    private final Notifier notifier;
    private final OrganisationService organisation;
    private final String from;

    public ResourceRequestNotices(Notifier notifier, OrganisationService organisation,
            @org.springframework.beans.factory.annotation.Value("${ptc.mail.from:performance-tracking@localhost}") String from) {
        this.notifier = notifier;
        this.organisation = organisation;
        this.from = from;
    }

    /** @return the addresses written to */
    public List<String> decided(ResourceRequest request) {
        String manager = organisation.managerUserId(request.companyCode(), request.department()).orElse(null);
        String subject = "【业绩跟踪】资源需求 #" + request.id() + " " + request.statusLabel() + " / resource request "
                + request.status();
        String body = "部门 Department：" + MeetingTexts.departmentName(request.department()) + "（" + request.period() + "）\n"
                + "资源需求 Request：" + request.request() + "\n"
                + "提供方 From：" + request.providerLabel() + "\n"
                + "决定 Decision：" + request.statusLabel() + "（" + request.decidedBy() + (request.standIn()
                        ? "，副主任代行 vice chair standing in" : "") + "）\n"
                + "理由 Reason：" + request.reason() + "\n";
        return notifier.toUserElseGroup(from, manager, request.department(), subject, body);
    }
}
