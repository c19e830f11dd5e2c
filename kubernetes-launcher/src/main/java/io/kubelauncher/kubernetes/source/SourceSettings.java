package io.kubelauncher.kubernetes.source;

import java.time.Duration;
import java.util.Objects;

/**
 * @param namespace kubernetes-namespace
 * @param clusterName the Launcher cluster name (plugin name), reported on every job
 * @param shareProcessNamespace shared-process-namespace
 * @param jobExpiry job-expiry-hours: how long finished jobs stay; zero removes them once their final status is sent
 * @param launchGracePeriod how long an image pull or container creation may keep failing before the job is Failed
 * @param stopGracePeriod how long a stopped job gets between SIGTERM and SIGKILL
 * @param resourceInterval how often resource figures are sampled for a resource stream
 * @param stdinAnnotation stdin-annotation: whether stdin goes into the pod's {@code stdin} annotation
 *     (the vendor's way) rather than into a Secret owned by the Job
 */
public record SourceSettings(String namespace, String clusterName, boolean shareProcessNamespace, Duration jobExpiry,
                             Duration launchGracePeriod, Duration stopGracePeriod, Duration resourceInterval, boolean stdinAnnotation) {

    public SourceSettings {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(clusterName, "clusterName");
        Objects.requireNonNull(jobExpiry, "jobExpiry");
        Objects.requireNonNull(launchGracePeriod, "launchGracePeriod");
        Objects.requireNonNull(stopGracePeriod, "stopGracePeriod");
        Objects.requireNonNull(resourceInterval, "resourceInterval");
    }

    /** Settings with stdin written as the vendor writes it, in the pod's {@code stdin} annotation. */
    public SourceSettings(String namespace, String clusterName, boolean shareProcessNamespace, Duration jobExpiry,
                          Duration launchGracePeriod, Duration stopGracePeriod, Duration resourceInterval) {
        this(namespace, clusterName, shareProcessNamespace, jobExpiry, launchGracePeriod, stopGracePeriod, resourceInterval, true);
    }
}
