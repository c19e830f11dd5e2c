package io.kubelauncher.kubernetes.cache;

/** Told that something about a launcher job changed in the cache (its Job, pods, Service or Events). */
@FunctionalInterface
public interface JobChangeListener {

    /**
     * @param jobName the Kubernetes Job name (the launcher job id)
     * @param removed true when the Job itself is gone from the cluster
     */
    void jobChanged(String jobName, boolean removed);
}
