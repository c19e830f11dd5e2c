package io.kubelauncher.kubernetes.policy;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** A name service for tests: users with their groups; every group named exists. */
final class FakeGroups implements GroupResolver {

    private final Map<String, Set<String>> members = new HashMap<>();
    private final Set<String> groups = new HashSet<>();
    int lookups;

    FakeGroups member(String user, String... groupNames) {
        members.computeIfAbsent(user, u -> new HashSet<>()).addAll(Set.of(groupNames));
        groups.addAll(Set.of(groupNames));
        return this;
    }

    FakeGroups group(String name) {
        groups.add(name);
        return this;
    }

    @Override
    public Set<String> groupsOf(String user) {
        lookups++;
        return Set.copyOf(members.getOrDefault(user, Set.of()));
    }

    @Override
    public boolean groupExists(String group) {
        return groups.contains(group);
    }
}
