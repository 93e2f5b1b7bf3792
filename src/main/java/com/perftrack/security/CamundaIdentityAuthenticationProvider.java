package com.perftrack.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks user id and password with Camunda's identity service; the user's groups and companies
 * (tenants) become authorities.
 *
 * <p>API clients send HTTP Basic credentials with every request, and each check costs a salted
 * hash and two queries. A successful check is therefore remembered for a short time
 * ({@code ptc.security.auth-cache-seconds}, default 60; 0 switches it off), keyed by the user id
 * and a SHA-256 of the password — never the password itself. A failed login is never remembered,
 * and a change of any user, group, membership or tenant made through the engine on this node
 * ({@link IdentityChanges}) makes every remembered login be checked again at its next request.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    static final String GROUP_PREFIX = "GROUP_";
    /** A company (Camunda tenant) of the user: read with the groups, so a request needs no query of its own. */
    static final String COMPANY_PREFIX = "COMPANY_";
    static final int MAX_ENTRIES = 10_000;

    private record Remembered(List<SimpleGrantedAuthority> authorities, Instant until, long identityVersion) {}

    private final IdentityService identityService;
    private final Duration timeToLive;
    private final Clock clock;
    private final IdentityChanges identityChanges;
    private final ConcurrentHashMap<String, Remembered> remembered = new ConcurrentHashMap<>();

    @Autowired
    CamundaIdentityAuthenticationProvider(IdentityService identityService,
            @Value("${ptc.security.auth-cache-seconds:60}") long cacheSeconds, IdentityChanges identityChanges) {
        this(identityService, Duration.ofSeconds(cacheSeconds), Clock.systemUTC(), identityChanges);
    }

    CamundaIdentityAuthenticationProvider(IdentityService identityService, Duration timeToLive, Clock clock,
            IdentityChanges identityChanges) {
        this.identityService = identityService;
        this.timeToLive = timeToLive;
        this.clock = clock;
        this.identityChanges = identityChanges;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (userId == null || userId.isBlank() || credentials == null) {
            throw new BadCredentialsException("用户名或密码错误 / Bad credentials");
        }
        String key = userId + '\u0000' + sha256(credentials.toString());
        Instant now = clock.instant();
        long identityVersion = identityChanges.version();
        Remembered known = remembered.get(key);
        if (known != null && known.until().isAfter(now) && known.identityVersion() == identityVersion) {
            return UsernamePasswordAuthenticationToken.authenticated(userId, null, known.authorities());
        }
        if (!passwordMatches(userId, credentials.toString())) {
            remembered.remove(key);
            throw new BadCredentialsException("用户名或密码错误 / Bad credentials");
        }
        List<SimpleGrantedAuthority> authorities = new java.util.ArrayList<>();
        identityService.createGroupQuery().groupMember(userId).listPage(0, 500)
                .forEach(group -> authorities.add(new SimpleGrantedAuthority(GROUP_PREFIX + group.getId())));
        identityService.createTenantQuery().userMember(userId).includingGroupsOfUser(true).listPage(0, 1_000)
                .forEach(tenant -> authorities.add(new SimpleGrantedAuthority(COMPANY_PREFIX + tenant.getId())));
        if (!timeToLive.isZero()) {
            if (remembered.size() >= MAX_ENTRIES) {
                remembered.values().removeIf(r -> !r.until().isAfter(now));
                if (remembered.size() >= MAX_ENTRIES) {
                    remembered.clear();
                }
            }
            remembered.put(key, new Remembered(authorities, now.plus(timeToLive), identityVersion));
        }
        return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
    }

    private boolean passwordMatches(String userId, String password) {
        try {
            return identityService.checkPassword(userId, password);
        } catch (RuntimeException e) {
            return false; // e.g. a user created by an import, who has no password yet
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
