package io.kubelauncher.kubernetes.cache;

import io.kubelauncher.kubernetes.translate.JobObjects;

import java.util.List;
import java.util.Optional;

/** The read side of the cache: what Kubernetes currently holds about the launcher's jobs. */
public interface CachedJobs {

    /** The names of every launcher Job in the cache. */
    List<String> jobNames();

    /** The Job, its pods, Service and Events, if the Job is in the cache. */
    Optional<JobObjects> objects(String jobName);
}
