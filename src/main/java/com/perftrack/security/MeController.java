package com.perftrack.security;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Who am I: the dashboard uses it to show the user and what they may see. */
@RestController
class MeController {

    @GetMapping("/api/me")
    Map<String, Object> me() {
        CurrentUser user = CurrentUser.get().orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
        return Map.of("userId", user.userId(), "groups", user.groups());
    }
}
