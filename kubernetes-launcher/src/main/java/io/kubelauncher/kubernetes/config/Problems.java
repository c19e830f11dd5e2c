package io.kubelauncher.kubernetes.config;

import java.util.ArrayList;
import java.util.List;

/** Collects the problems of one reading pass; the pass fails at the end if there were any. */
final class Problems {

    private final List<ConfigProblem> found = new ArrayList<>();

    void add(String origin, String message) {
        found.add(new ConfigProblem(origin, message));
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    void throwIfAny() throws ConfigException {
        if (!found.isEmpty()) {
            throw new ConfigException(found);
        }
    }
}
