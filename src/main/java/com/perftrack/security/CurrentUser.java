package com.perftrack.security;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** The authenticated user of the current request: id, Camunda groups and companies (tenants). */
public record CurrentUser(String userId, List<String> groups, List<String> companies) {

    public static Optional<CurrentUser> get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated() || authentication.getName() == null) {
            return Optional.empty();
        }
        return Optional.of(new CurrentUser(authentication.getName(), groupsOf(authentication),
                companiesOf(authentication)));
    }

    public boolean isMemberOf(String groupId) {
        return groups.contains(groupId);
    }

    public boolean isMemberOfAny(Collection<String> groupIds) {
        return groupIds.stream().anyMatch(groups::contains);
    }

    static List<String> groupsOf(Authentication authentication) {
        return withPrefix(authentication, CamundaIdentityAuthenticationProvider.GROUP_PREFIX);
    }

    static List<String> companiesOf(Authentication authentication) {
        return withPrefix(authentication, CamundaIdentityAuthenticationProvider.COMPANY_PREFIX);
    }

    private static List<String> withPrefix(Authentication authentication, String prefix) {
        return authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(prefix))
                .map(a -> a.substring(prefix.length()))
                .toList();
    }
}
