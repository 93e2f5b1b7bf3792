package com.perftrack.archive;

import com.perftrack.organisation.OrganisationService;
import com.perftrack.security.CurrentUser;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/archive/{personCode}}: a person reads only their own archive (403 otherwise);
 * HR and the committee leadership (chair, vice-chair, secretary-general) read everyone's.
 */
@RestController
class ArchiveController {

    static final Set<String> SEE_ALL = Set.of("hr", "committee-chair", "committee-vice-chair", "secretary-general");

    private final ArchiveService archive;
    private final OrganisationService organisation;

    ArchiveController(ArchiveService archive, OrganisationService organisation) {
        this.archive = archive;
        this.organisation = organisation;
    }

    @GetMapping("/api/archive/{personCode}")
    List<ArchiveEntry> archive(@PathVariable String personCode) {
        CurrentUser user = CurrentUser.get().orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
        boolean own = organisation.personsOfUser(user.userId()).stream().anyMatch(p -> p.code().equals(personCode));
        if (!own && !user.isMemberOfAny(SEE_ALL)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "只能查看本人的业绩跟踪档案 / you may read only your own archive");
        }
        return archive.entriesOf(personCode);
    }
}
