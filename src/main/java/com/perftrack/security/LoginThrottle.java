package com.perftrack.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing without handing an attacker a way to lock anybody out.
 *
 * <p>Failed logins are counted per client address, per user and address, and per user. Past a free
 * number of failures each further one makes that key wait twice as long as the last, up to a
 * ceiling, and the wait is forgotten after a quiet {@code window}. The per-user count (guessing from
 * many addresses) waits at most {@code userCeiling}, a few seconds, and never applies to an address
 * the user has logged in from before: an attacker elsewhere cannot keep the real user out, and
 * the administrator's usual way in stays open. Nothing is permanent: Camunda's own lock is off.
 */
class LoginThrottle {

    record Limits(int freePerAddress, int freePerUserAndAddress, int freePerUser, Duration ceiling,
            Duration userCeiling, Duration window) {

        static Limits defaults() {
            return new Limits(50, 5, 20, Duration.ofSeconds(60), Duration.ofSeconds(10), Duration.ofMinutes(15));
        }
    }

    private record Count(int failures, Instant last, Instant blockedUntil) {}

    static final int MAX_KEYS = 100_000;

    private final Limits limits;
    private final Clock clock;
    private final Map<String, Count> counts = new ConcurrentHashMap<>();
    private final Map<String, Instant> knownAddresses = new ConcurrentHashMap<>();

    LoginThrottle(Limits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /** How long this attempt must wait; empty when it may go ahead. */
    Optional<Duration> waitFor(String userId, String address) {
        Instant now = clock.instant();
        Instant until = latest(now, blockedUntil("a:" + address, now), userId == null ? null
                : blockedUntil("ua:" + userId + '\u0000' + address, now));
        if (userId != null && !isKnown(userId, address, now)) {
            until = latest(now, until, blockedUntil("u:" + userId, now));
        }
        return until == null ? Optional.empty() : Optional.of(Duration.between(now, until));
    }

    void failed(String userId, String address) {
        Instant now = clock.instant();
        prune(now);
        count("a:" + address, limits.freePerAddress(), limits.ceiling(), now);
        if (userId != null) {
            count("ua:" + userId + '\u0000' + address, limits.freePerUserAndAddress(), limits.ceiling(), now);
            count("u:" + userId, limits.freePerUser(), limits.userCeiling(), now);
        }
    }

    void succeeded(String userId, String address) {
        if (userId == null) {
            return;
        }
        counts.remove("ua:" + userId + '\u0000' + address);
        if (knownAddresses.size() < MAX_KEYS) {
            knownAddresses.put(userId + '\u0000' + address, clock.instant());
        }
    }

    private boolean isKnown(String userId, String address, Instant now) {
        Instant seen = knownAddresses.get(userId + '\u0000' + address);
        return seen != null && seen.plus(Duration.ofDays(30)).isAfter(now);
    }

    private void count(String key, int free, Duration ceiling, Instant now) {
        counts.compute(key, (k, old) -> {
            int failures = (old == null || old.last().plus(limits.window()).isBefore(now)) ? 1 : old.failures() + 1;
            Instant blockedUntil = null;
            if (failures > free) {
                long seconds = Math.min(ceiling.toSeconds(), 1L << Math.min(30, failures - free - 1));
                blockedUntil = now.plusSeconds(seconds);
            }
            return new Count(failures, now, blockedUntil);
        });
    }

    private Instant blockedUntil(String key, Instant now) {
        Count count = counts.get(key);
        return count == null || count.blockedUntil() == null || !count.blockedUntil().isAfter(now) ? null
                : count.blockedUntil();
    }

    private static Instant latest(Instant now, Instant... candidates) {
        Instant latest = null;
        for (Instant candidate : candidates) {
            if (candidate != null && candidate.isAfter(now) && (latest == null || candidate.isAfter(latest))) {
                latest = candidate;
            }
        }
        return latest;
    }

    private void prune(Instant now) {
        if (counts.size() >= MAX_KEYS) {
            counts.values().removeIf(c -> c.last().plus(limits.window()).isBefore(now));
            if (counts.size() >= MAX_KEYS) {
                counts.clear(); // a flood of addresses: forgetting is safer than running out of memory
            }
        }
    }
}
