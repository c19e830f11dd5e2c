package io.kubelauncher.api.plugin;

import io.kubelauncher.api.model.Job;
import io.kubelauncher.api.model.JobStatus;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * Which jobs a Get Job request for {@code *} (or a {@code *} status stream) wants: the jobs
 * visible to {@code user} that carry all {@code tags}, have one of {@code statuses} (any, when
 * empty) and were submitted within {@code [startTime, endTime]} (bounds may be null, inclusive).
 */
public record JobQuery(RequestUser user, Set<String> tags, Set<JobStatus> statuses, Instant startTime,
                       Instant endTime) {

    public JobQuery {
        Objects.requireNonNull(user, "user");
        tags = tags == null ? Set.of() : Set.copyOf(tags);
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    }

    /** Every job the user may see. */
    public static JobQuery visibleTo(RequestUser user) {
        return new JobQuery(user, Set.of(), Set.of(), null, null);
    }

    public boolean matches(Job job) {
        if (!user.canSee(job)) {
            return false;
        }
        if (!job.hasAllTags(tags)) {
            return false;
        }
        if (!statuses.isEmpty() && !statuses.contains(job.status())) {
            return false;
        }
        Instant submitted = job.submissionTime();
        if (startTime != null && (submitted == null || submitted.isBefore(startTime))) {
            return false;
        }
        return endTime == null || (submitted != null && !submitted.isAfter(endTime));
    }
}
