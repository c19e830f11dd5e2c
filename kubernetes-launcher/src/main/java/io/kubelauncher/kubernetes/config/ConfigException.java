package io.kubelauncher.kubernetes.config;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A configuration input was rejected as a whole. Every problem found is listed (not only the
 * first), each as {@code origin: what is wrong}, so an administrator can fix a file in one pass.
 */
public final class ConfigException extends Exception {

    private final List<ConfigProblem> problems;
    private final boolean unreadable;

    public ConfigException(List<ConfigProblem> problems) {
        this(problems, false);
    }

    public ConfigException(String origin, String message) {
        this(List.of(new ConfigProblem(origin, message)));
    }

    private ConfigException(List<ConfigProblem> problems, boolean unreadable) {
        super(problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
        this.unreadable = unreadable;
    }

    /** The file itself could not be read (as opposed to being read and found invalid). */
    static ConfigException unreadable(Path file, IOException cause) {
        ConfigException e = new ConfigException(
                List.of(new ConfigProblem(file.toString(), "cannot read file: " + describe(cause))), true);
        e.initCause(cause);
        return e;
    }

    /**
     * The problems of several inputs read in one pass (the profiles and resources files), as one
     * failure; unreadable if any of them could not be read.
     */
    public static ConfigException combine(List<ConfigException> failures) {
        List<ConfigProblem> problems = new ArrayList<>();
        boolean unreadable = false;
        for (ConfigException failure : failures) {
            problems.addAll(failure.problems());
            unreadable |= failure.isUnreadable();
        }
        ConfigException combined = new ConfigException(problems, unreadable);
        failures.forEach(combined::addSuppressed);
        return combined;
    }

    static String describe(IOException e) {
        String what = e.getClass().getSimpleName();
        return e.getMessage() == null ? what : what + " " + e.getMessage();
    }

    /** True when a file could not be read at all; false when it was read and found invalid. */
    public boolean isUnreadable() {
        return unreadable;
    }

    public List<ConfigProblem> problems() {
        return problems;
    }
}
