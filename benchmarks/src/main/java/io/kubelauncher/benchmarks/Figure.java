package io.kubelauncher.benchmarks;

import java.util.Objects;

/**
 * One measured figure of the results table: what was measured, its goal (empty when the issues set
 * none), the headline value, whether the goal was met, and the raw numbers behind the headline.
 */
public record Figure(String what, String goal, String measured, Verdict verdict, String raw) {

    public enum Verdict {
        MET("met"), MISSED("MISSED"), NO_GOAL("");

        private final String label;

        Verdict(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public Figure {
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(goal, "goal");
        Objects.requireNonNull(measured, "measured");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(raw, "raw");
    }

    public static Figure informative(String what, String measured, String raw) {
        return new Figure(what, "", measured, Verdict.NO_GOAL, raw);
    }

    /** A figure with an upper bound: met when {@code value <= limit}. */
    public static Figure atMost(String what, String goal, double value, double limit, String measured, String raw) {
        return new Figure(what, goal, measured, value <= limit ? Verdict.MET : Verdict.MISSED, raw);
    }

    /** A figure with a lower bound: met when {@code value >= limit}. */
    public static Figure atLeast(String what, String goal, double value, double limit, String measured, String raw) {
        return new Figure(what, goal, measured, value >= limit ? Verdict.MET : Verdict.MISSED, raw);
    }

    /** A suite that could not produce its figure: the reason takes the place of the value. */
    public static Figure failed(String what, String goal, String reason) {
        return new Figure(what, goal, "not measured: " + reason, goal.isEmpty() ? Verdict.NO_GOAL : Verdict.MISSED, "");
    }
}
