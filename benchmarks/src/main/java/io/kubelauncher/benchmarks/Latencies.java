package io.kubelauncher.benchmarks;

import java.util.Arrays;
import java.util.Locale;

/** A set of latency samples in nanoseconds, sorted once, with the percentiles the tables quote. */
public final class Latencies {

    private final long[] sorted;

    private Latencies(long[] sorted) {
        this.sorted = sorted;
    }

    public static Latencies of(long[] nanos, int count) {
        if (count < 0 || count > nanos.length) {
            throw new IllegalArgumentException("count " + count + " outside 0.." + nanos.length);
        }
        long[] copy = Arrays.copyOf(nanos, count);
        Arrays.sort(copy);
        return new Latencies(copy);
    }

    public static Latencies of(java.util.Collection<Long> nanos) {
        return of(nanos.stream().mapToLong(Long::longValue).toArray(), nanos.size());
    }

    public int count() {
        return sorted.length;
    }

    /** The nearest-rank percentile ({@code p} in 0..1): the smallest sample with at least p of all at or below it. */
    public long percentile(double p) {
        if (sorted.length == 0) {
            throw new IllegalStateException("no samples");
        }
        if (p < 0 || p > 1) {
            throw new IllegalArgumentException("percentile must be between 0 and 1, was " + p);
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    public long min() {
        return percentile(0);
    }

    public long max() {
        return sorted[sorted.length - 1];
    }

    public double p50Millis() {
        return millis(percentile(0.50));
    }

    public double p99Millis() {
        return millis(percentile(0.99));
    }

    /** "n=200 min 1.2 p50 3.4 p90 5.0 p99 8.1 max 9.0 ms" */
    public String summaryMillis() {
        return String.format(Locale.ROOT, "n=%d min %.2f p50 %.2f p90 %.2f p99 %.2f max %.2f ms", count(),
                millis(min()), millis(percentile(0.5)), millis(percentile(0.9)), millis(percentile(0.99)), millis(max()));
    }

    /** As {@link #summaryMillis()} in microseconds, for sub-millisecond round trips. */
    public String summaryMicros() {
        return String.format(Locale.ROOT, "n=%d p50 %.1f p99 %.1f p99.9 %.1f max %.1f µs", count(),
                percentile(0.5) / 1e3, percentile(0.99) / 1e3, percentile(0.999) / 1e3, max() / 1e3);
    }

    public static double millis(long nanos) {
        return nanos / 1e6;
    }
}
