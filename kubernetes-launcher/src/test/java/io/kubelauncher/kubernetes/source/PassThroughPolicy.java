package io.kubelauncher.kubernetes.source;

import io.kubelauncher.api.model.ClusterInfo;
import io.kubelauncher.api.model.Container;
import io.kubelauncher.api.model.Job;
import io.kubelauncher.api.plugin.RequestUser;
import io.kubelauncher.kubernetes.render.Admission;

/**
 * The policy of a cluster without profiles: every job as submitted, with a default image, and a
 * Cluster Info that offers nothing of its own. The real profile policy is tested with the config
 * package; here the Kubernetes side is under test.
 */
final class PassThroughPolicy implements SubmissionPolicy {

    @Override
    public Admission admit(RequestUser user, Job job) {
        Job completed = job.container() == null ? job.toBuilder().container(Container.of("ubuntu:24.04")).build() : job;
        return Admission.unchanged(completed);
    }

    @Override
    public ClusterInfo clusterInfo(RequestUser user) {
        return ClusterInfo.minimal();
    }
}
