package io.kubelauncher.testkit.demo;

import java.util.ArrayList;
import java.util.List;

/** The checks recorded so far, in the order they were made. Scenes add to it; the summary reads it. */
public final class Checklist {

    private final Transcript transcript;
    private final List<Check> checks = new ArrayList<>();

    Checklist(Transcript transcript) {
        this.transcript = transcript;
    }

    /** Records a check and prints it as it happens; returns whether it passed. */
    boolean verify(String name, boolean passed, String observed) {
        Check check = new Check(name, passed, observed);
        synchronized (checks) {
            checks.add(check);
        }
        transcript.check(check);
        return passed;
    }

    public List<Check> checks() {
        synchronized (checks) {
            return List.copyOf(checks);
        }
    }

    public List<Check> failures() {
        return checks().stream().filter(c -> !c.passed()).toList();
    }

    public boolean allPassed() {
        List<Check> all = checks();
        return !all.isEmpty() && all.stream().allMatch(Check::passed);
    }
}
