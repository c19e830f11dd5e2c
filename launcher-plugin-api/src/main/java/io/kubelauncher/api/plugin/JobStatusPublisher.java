package io.kubelauncher.api.plugin;

import io.kubelauncher.api.model.Job;

/**
 * How a {@link JobSource} tells the runtime's status hub about jobs. Call {@link #jobChanged} with
 * the job's current state whenever anything about it may have changed, including jobs submitted by
 * other plugin instances; the hub sends a status message only when {@code status},
 * {@code statusMessage} or {@code statusCode} differ from what it last saw and the update is not
 * older than it ({@code lastUpdateTime}). Thread-safe, cheap and non-blocking: it never calls back
 * into the JobSource, so it may be called while holding the source's own locks.
 */
public interface JobStatusPublisher {

    void jobChanged(Job job);

    /** The job was removed (pruned or deleted); the hub forgets it. */
    void jobRemoved(String jobId);
}
