package io.kubelauncher.testkit.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * What a Launcher user must never see in a job's status history: a job going back from Running to
 * Pending (the UI would flap between "starting" and "running"), or any status after a terminal one
 * (spec 7.2: a terminal status never changes back).
 */
final class StatusOrder {

    private StatusOrder() {
    }

    /** Each step of this history that goes backwards, described; empty when the history is in order. */
    static List<String> regressions(List<StatusChange> history) {
        List<String> found = new ArrayList<>();
        StatusChange previous = null;
        boolean running = false;
        for (StatusChange change : history) {
            if (previous != null && isTerminal(previous.status()) && !same(previous, change)) {
                found.add(describe(change, previous.status() + " -> " + change));
            } else if (running && change.status().equals("Pending")) {
                found.add(describe(change, "Running -> " + change));
            }
            running |= change.status().equals("Running");
            if (previous == null || !isTerminal(previous.status())) {
                previous = change;
            }
        }
        return found;
    }

    static boolean isTerminal(String status) {
        return switch (status) {
            case "Finished", "Failed", "Killed", "Canceled" -> true;
            default -> false;
        };
    }

    private static boolean same(StatusChange a, StatusChange b) {
        return a.status().equals(b.status()) && a.message().equals(b.message());
    }

    private static String describe(StatusChange change, String step) {
        return "\"" + change.jobName() + "\" (" + change.jobId() + ") went " + step;
    }
}
