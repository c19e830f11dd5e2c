package io.kubelauncher.kubernetes.policy;

import io.kubelauncher.api.model.Container;
import io.kubelauncher.api.model.Job;
import io.kubelauncher.api.model.JobConfig;
import io.kubelauncher.api.model.PlacementConstraint;
import io.kubelauncher.api.model.ResourceLimit;
import io.kubelauncher.api.model.ResourceProfile;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Between the policy's values and the Launcher Plugin API's wire model. */
public final class WireMapping {

    private WireMapping() {
    }

    /** What of a submitted job the policy checks. */
    public static JobRequest jobRequest(Job job) {
        Optional<String> image = Optional.ofNullable(job.container()).map(Container::image);
        return new JobRequest(image, job.resourceProfile() == null ? "" : job.resourceProfile(),
                job.resourceLimits().stream()
                        .map(l -> new RequestedLimit(l.type(), l.value() == null ? "" : l.value()))
                        .collect(Collectors.toList()),
                job.placementConstraints().stream()
                        .map(c -> new PlacementRequest(c.name(), c.value() == null ? "" : c.value()))
                        .collect(Collectors.toList()));
    }

    /** The submitted job with the policy's image, limits, constraints and resource profile. */
    public static Job completed(Job job, CompletedJob completed) {
        Container container = job.container() == null
                ? new Container(completed.image(), null, null, List.of())
                : new Container(completed.image(), job.container().runAsUserId(), job.container().runAsGroupId(),
                        job.container().supplementalGroupIds());
        return job.toBuilder()
                .container(container)
                .resourceProfile(completed.resourceProfile())
                .resourceLimits(completed.limits().stream().map(l -> ResourceLimit.requested(l.type(), l.value()))
                        .collect(Collectors.toList()))
                .placementConstraints(completed.placementConstraints().stream()
                        .map(c -> new PlacementConstraint(c.name(), c.value())).collect(Collectors.toList()))
                .build();
    }

    /**
     * The Cluster Info answer. A Kubernetes cluster always runs containers; it has no queues.
     *
     * @param config the per-job settings the plugin declares
     * @param supportsInitContainers whether the plugin turns a job's init containers into pod ones
     */
    public static io.kubelauncher.api.model.ClusterInfo clusterInfo(ClusterInfo info, List<JobConfig> config,
                                                                   boolean supportsInitContainers) {
        return new io.kubelauncher.api.model.ClusterInfo(
                true,
                info.images(),
                info.defaultImage().orElse(null),
                info.allowUnknownImages(),
                List.of(),
                null,
                config,
                info.placementConstraints().stream()
                        .map(o -> new PlacementConstraint(o.name(), o.value().orElse(null)))
                        .collect(Collectors.toList()),
                info.resourceLimits().stream()
                        .map(l -> ResourceLimit.offered(l.type(), l.defaultValue().orElse(null), l.maxValue().orElse(null)))
                        .collect(Collectors.toList()),
                info.resourceProfiles().stream()
                        .map(p -> new ResourceProfile(p.name(), p.displayName(),
                                p.limits().stream().map(l -> ResourceLimit.requested(l.type(), l.value()))
                                        .collect(Collectors.toList()),
                                null,
                                p.placementConstraints().stream().map(c -> new PlacementConstraint(c.name(), c.value()))
                                        .collect(Collectors.toList())))
                        .collect(Collectors.toList()),
                supportsInitContainers,
                false);
    }
}
