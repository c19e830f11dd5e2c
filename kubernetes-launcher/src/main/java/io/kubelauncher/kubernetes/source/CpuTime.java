package io.kubelauncher.kubernetes.source;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A job's CPU time in seconds, integrated from the CPU rates of successive PodMetrics samples:
 * metrics-server reports only the average rate over a window ending at the sample's timestamp, no
 * cumulative counter. The first sample counts for its window; each later, newer sample for the time
 * since the one before (a sample seen again, with the same timestamp, adds nothing). So the figure
 * is the CPU time from shortly before the resource stream started, not since the job started.
 */
final class CpuTime {

    private Instant last;
    private double seconds;

    /**
     * @param takenAt the sample's timestamp
     * @param window the interval its rate was averaged over
     * @param cores the rate, in cores
     * @return the CPU seconds so far
     */
    double add(Instant takenAt, Duration window, double cores) {
        Objects.requireNonNull(takenAt, "takenAt");
        Objects.requireNonNull(window, "window");
        if (last == null) {
            seconds += cores * window.toNanos() / 1e9;
            last = takenAt;
        } else if (takenAt.isAfter(last)) {
            seconds += cores * Duration.between(last, takenAt).toNanos() / 1e9;
            last = takenAt;
        }
        return seconds;
    }
}
