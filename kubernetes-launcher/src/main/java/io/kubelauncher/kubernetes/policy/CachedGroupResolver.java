package io.kubelauncher.kubernetes.policy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Remembers each user's groups for a short while: every job submission and Cluster Info request
 * resolves the user's groups, and an LDAP round trip each time would be wasteful, while a change
 * of membership should still be seen within {@code ttl}. Group existence is asked only when files
 * are loaded and is not cached.
 */
public final class CachedGroupResolver implements GroupResolver {

    private record Entry(Set<String> groups, Instant expires) {}

    private final GroupResolver delegate;
    private final Clock clock;
    private final Duration ttl;
    private final ConcurrentMap<String, Entry> cache = new ConcurrentHashMap<>();

    public CachedGroupResolver(GroupResolver delegate, Clock clock, Duration ttl) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
    }

    @Override
    public Set<String> groupsOf(String user) {
        Instant now = clock.instant();
        Entry entry = cache.get(user);
        if (entry == null || !now.isBefore(entry.expires())) {
            entry = new Entry(Set.copyOf(delegate.groupsOf(user)), now.plus(ttl));
            cache.put(user, entry);
            if (cache.size() > 10_000) {
                cache.values().removeIf(e -> !now.isBefore(e.expires()));
            }
        }
        return entry.groups();
    }

    @Override
    public boolean groupExists(String group) {
        return delegate.groupExists(group);
    }
}
