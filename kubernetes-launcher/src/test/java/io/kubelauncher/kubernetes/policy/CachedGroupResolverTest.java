package io.kubelauncher.kubernetes.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CachedGroupResolverTest {

    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void remembersGroupsUntilTheTtlPasses() {
        FakeGroups names = new FakeGroups().member("alice", "a");
        CachedGroupResolver cached = new CachedGroupResolver(names, clock, Duration.ofSeconds(30));
        assertThat(cached.groupsOf("alice")).containsExactly("a");
        names.member("alice", "b");
        now = now.plusSeconds(29);
        assertThat(cached.groupsOf("alice")).containsExactly("a");
        assertThat(names.lookups).isEqualTo(1);
        now = now.plusSeconds(1);
        assertThat(cached.groupsOf("alice")).containsExactlyInAnyOrder("a", "b");
        assertThat(names.lookups).isEqualTo(2);
    }

    @Test
    void cachesPerUserAndAsksGroupExistenceEveryTime() {
        FakeGroups names = new FakeGroups().member("alice", "a").member("bob", "b");
        CachedGroupResolver cached = new CachedGroupResolver(names, clock, Duration.ofMinutes(1));
        assertThat(cached.groupsOf("alice")).containsExactly("a");
        assertThat(cached.groupsOf("bob")).containsExactly("b");
        assertThat(cached.groupsOf("alice")).containsExactly("a");
        assertThat(names.lookups).isEqualTo(2);
        assertThat(cached.groupExists("c")).isFalse();
        names.group("c");
        assertThat(cached.groupExists("c")).isTrue();
    }
}
