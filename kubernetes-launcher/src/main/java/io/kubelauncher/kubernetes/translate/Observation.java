package io.kubelauncher.kubernetes.translate;

import io.kubelauncher.api.model.JobStatus;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The launcher view of a job's progress, derived from Kubernetes objects alone so that every plugin
 * instance derives the same one.
 *
 * @param status the launcher status
 * @param message why, in words a data scientist understands; empty when there is nothing to say
 * @param exitCode the main container's exit code once it exited
 * @param host the node running (or that ran) the job; empty before scheduling
 * @param lastUpdateTime when the status last changed, from the objects' own timestamps
 * @param recheckAt when the same objects will derive a different status (a launch error whose grace
 *                  period runs out), so that the caller re-derives without waiting for an event
 */
public record Observation(JobStatus status, String message, OptionalInt exitCode, String host,
                          Instant lastUpdateTime, Optional<Instant> recheckAt) {

    public Observation {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(exitCode, "exitCode");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(lastUpdateTime, "lastUpdateTime");
        Objects.requireNonNull(recheckAt, "recheckAt");
    }

    /** The same observation, to be derived again at {@code at}. */
    Observation recheckingAt(Instant at) {
        return new Observation(status, message, exitCode, host, lastUpdateTime, Optional.of(at));
    }
}
