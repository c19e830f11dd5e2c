package io.kubelauncher.kubernetes.cache;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter: attempt n waits a random time in [0, min(max, initial·2^n)],
 * so that many plugin instances that lost the API server at the same moment do not come back in step.
 * Never gives up: the cache must recover whenever the API server does.
 */
public final class Backoff {

    private final Duration initial;
    private final Duration max;
    private final RandomGenerator random;

    public Backoff(Duration initial, Duration max, RandomGenerator random) {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max, got " + initial + " and " + max);
        }
        this.initial = initial;
        this.max = max;
        this.random = Objects.requireNonNull(random, "random");
    }

    /** The delay before retry number {@code attempt} (0 for the first retry). */
    public Duration delay(int attempt) {
        long ceiling = initial.toMillis() << Math.min(attempt, 20);
        long bound = Math.min(Math.max(ceiling, initial.toMillis()), max.toMillis());
        return Duration.ofMillis(random.nextLong(bound + 1));
    }
}
