package com.perftrack.security;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** The authenticated user of the current request: id and Camunda groups. */
public record CurrentUser(String userId, List<String> groups) {

    public static Optional<CurrentUser> get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated() || authentication.getName() == null) {
            return Optional.empty();
        }
        return Optional.of(new CurrentUser(authentication.getName(), groupsOf(authentication)));
    }

    public boolean isMemberOf(String groupId) {
        return groups.contains(groupId);
    }

    public boolean isMemberOfAny(Collection<String> groupIds) {
        return groupIds.stream().anyMatch(groups::contains);
    }

    static List<String> groupsOf(Authentication authentication) {
        return authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(CamundaIdentityAuthenticationProvider.GROUP_PREFIX))
                .map(a -> a.substring(CamundaIdentityAuthenticationProvider.GROUP_PREFIX.length()))
                .toList();
    }
}
