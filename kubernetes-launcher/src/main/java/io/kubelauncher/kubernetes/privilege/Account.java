package io.kubelauncher.kubernetes.privilege;

import java.util.List;
import java.util.Objects;

/**
 * A local user as the system database describes it.
 *
 * @param groups every group the user belongs to, primary included (what {@code id -G} prints)
 */
public record Account(String name, int uid, int gid, List<Integer> groups) {

    public Account {
        Objects.requireNonNull(name, "name");
        groups = List.copyOf(groups);
    }
}
