package io.kubelauncher.kubernetes.source;

import io.kubelauncher.api.model.Job;
import io.kubelauncher.api.model.JobStatus;
import io.kubelauncher.api.plugin.JobStatusPublisher;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every job state the source published, as the runtime's status hub would receive them. */
final class RecordingPublisher implements JobStatusPublisher {

    final List<Job> published = new CopyOnWriteArrayList<>();
    final Map<String, Job> latest = new ConcurrentHashMap<>();
    final List<String> removed = new CopyOnWriteArrayList<>();

    @Override
    public void jobChanged(Job job) {
        published.add(job);
        latest.put(job.id(), job);
    }

    @Override
    public void jobRemoved(String jobId) {
        removed.add(jobId);
        latest.remove(jobId);
    }

    Optional<Job> latest(String id) {
        return Optional.ofNullable(latest.get(id));
    }

    /** The job's latest published status, null before the first. */
    JobStatus status(String id) {
        return latest(id).map(Job::status).orElse(null);
    }
}
