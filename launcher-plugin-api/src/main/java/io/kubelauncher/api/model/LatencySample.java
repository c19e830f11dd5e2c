package io.kubelauncher.api.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Scheduler call latencies since the previous metrics frame (API 3.7): non-cumulative counts per
 * bucket of {@link #BOUNDS_SECONDS}, and the sum of all observations in seconds (observations above
 * the last bound count only in the sum, as the Go SDK does).
 */
public record LatencySample(List<Double> buckets, double sum) {

    public static final List<Double> BOUNDS_SECONDS =
            List.of(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 5.0, 10.0, 30.0);

    public LatencySample {
        buckets = List.copyOf(buckets);
        if (buckets.size() != BOUNDS_SECONDS.size()) {
            throw new IllegalArgumentException("a latency sample has " + BOUNDS_SECONDS.size() + " buckets");
        }
    }

    /** Builds a sample from individual observations. */
    public static LatencySample of(List<Duration> observations) {
        double[] counts = new double[BOUNDS_SECONDS.size()];
        double sum = 0;
        for (Duration d : observations) {
            double seconds = d.toNanos() / 1e9;
            sum += seconds;
            for (int i = 0; i < counts.length; i++) {
                if (seconds <= BOUNDS_SECONDS.get(i)) {
                    counts[i]++;
                    break;
                }
            }
        }
        List<Double> list = new ArrayList<>(counts.length);
        for (double c : counts) {
            list.add(c);
        }
        return new LatencySample(list, sum);
    }
}
