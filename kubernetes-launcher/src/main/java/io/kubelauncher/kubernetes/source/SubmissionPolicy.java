package io.kubelauncher.kubernetes.source;

import io.kubelauncher.api.model.ClusterInfo;
import io.kubelauncher.api.model.Job;
import io.kubelauncher.api.plugin.PluginException;
import io.kubelauncher.api.plugin.RequestUser;
import io.kubelauncher.kubernetes.render.Admission;

/** The user and group profiles as the job source needs them. */
public interface SubmissionPolicy {

    /**
     * Checks the job against the user's profile and fills in what the profile decides (default
     * image, limits and requests, placement constraints).
     *
     * @throws PluginException {@code INVALID_REQUEST} naming the setting the job violates
     */
    Admission admit(RequestUser user, Job job) throws PluginException;

    /** What the cluster offers this user. */
    ClusterInfo clusterInfo(RequestUser user) throws PluginException;
}
