package io.kubelauncher.kubernetes.source;

import io.kubelauncher.api.model.ClusterInfo;
import io.kubelauncher.api.model.Container;
import io.kubelauncher.api.model.Job;
import io.kubelauncher.api.model.PlacementConstraint;
import io.kubelauncher.api.model.ResourceLimit;
import io.kubelauncher.api.model.ResourceProfile;
import io.kubelauncher.api.plugin.ConfigReloadResult;
import io.kubelauncher.api.plugin.PluginException;
import io.kubelauncher.api.plugin.RequestUser;
import io.kubelauncher.kubernetes.policy.CompletedJob;
import io.kubelauncher.kubernetes.policy.JobRequest;
import io.kubelauncher.kubernetes.policy.PlacementRequest;
import io.kubelauncher.kubernetes.policy.PolicyViolation;
import io.kubelauncher.kubernetes.policy.RequestedLimit;
import io.kubelauncher.kubernetes.policy.UserPolicy;
import io.kubelauncher.kubernetes.render.Admission;
import io.kubelauncher.kubernetes.render.JsonOverride;
import io.kubelauncher.kubernetes.render.MetadataInitContainers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The user and group profiles ({@link UserPolicy}) in the terms of the job source and the wire. */
public final class ProfilePolicy implements SubmissionPolicy {

    private final UserPolicy policy;

    public ProfilePolicy(UserPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    @Override
    public Admission admit(RequestUser user, Job job) {
        JobRequest request = new JobRequest(
                Optional.ofNullable(job.container()).map(Container::image).filter(i -> !i.isBlank()),
                job.resourceProfile() == null ? "" : job.resourceProfile(),
                job.resourceLimits().stream().map(l -> new RequestedLimit(l.type(), l.value() == null ? "" : l.value())).toList(),
                job.placementConstraints().stream().map(p -> new PlacementRequest(p.name(), p.value() == null ? "" : p.value())).toList(),
                initContainerImages(job));
        CompletedJob completed;
        try {
            completed = policy.validateAndComplete(job.user(), request);
        } catch (PolicyViolation e) {
            throw PluginException.invalidRequest(e.getMessage());
        }
        Container container = job.container() == null
                ? Container.of(completed.image())
                : new Container(completed.image(), job.container().runAsUserId(), job.container().runAsGroupId(),
                job.container().supplementalGroupIds());
        Job admitted = job.toBuilder()
                .container(container)
                .resourceProfile(completed.resourceProfile())
                .resourceLimits(completed.limits().stream().map(l -> ResourceLimit.requested(l.type(), l.value())).toList())
                .placementConstraints(completed.placementConstraints().stream().map(p -> new PlacementConstraint(p.name(), p.value())).toList())
                .build();
        List<JsonOverride> overrides = completed.jobJsonOverrides().stream()
                .map(o -> new JsonOverride(o.pointer(), o.value(), o.file().toString())).toList();
        return new Admission(admitted, completed.cpuRequestRatio(), completed.memoryRequestRatio(), overrides);
    }

    /**
     * The images of every init container the job brings: the Launcher's own, and those its metadata
     * adds to the pod ({@code metadata.pod.initContainers}, which the built-in spec and the templates
     * apply as given). Both run in the user's pod, so both obey the job image's rules.
     */
    private static List<JobRequest.InitContainerImage> initContainerImages(Job job) {
        List<JobRequest.InitContainerImage> images = new ArrayList<>();
        job.initContainers().forEach(c -> images.add(new JobRequest.InitContainerImage(c.name(), c.image())));
        List<?> added = MetadataInitContainers.of(job);
        for (int i = 0; i < added.size(); i++) {
            Map<?, ?> container = added.get(i) instanceof Map<?, ?> map ? map : Map.of();
            String where = "metadata.pod.initContainers[" + i + "]";
            String name = container.get("name") instanceof String n && !n.isBlank() ? n + " (" + where + ")" : where;
            images.add(new JobRequest.InitContainerImage(name, container.get("image") instanceof String image ? image : ""));
        }
        return images;
    }

    @Override
    public ConfigReloadResult reload() {
        var result = policy.reload();
        return switch (result.outcome()) {
            case RELOADED -> ConfigReloadResult.success();
            case LOAD_ERROR -> new ConfigReloadResult(ConfigReloadResult.Outcome.LOAD_ERROR, result.message());
            case VALIDATION_ERROR -> new ConfigReloadResult(ConfigReloadResult.Outcome.VALIDATION_ERROR, result.message());
        };
    }

    @Override
    public ClusterInfo clusterInfo(RequestUser user) {
        var info = policy.clusterInfoFor(user.username());
        List<PlacementConstraint> constraints = info.placementConstraints().stream()
                .map(o -> new PlacementConstraint(o.name(), o.value().orElse(null))).toList();
        List<ResourceLimit> limits = info.resourceLimits().stream()
                .map(l -> ResourceLimit.offered(l.type(), l.defaultValue().orElse(null), l.maxValue().orElse(null))).toList();
        List<ResourceProfile> profiles = info.resourceProfiles().stream()
                .map(p -> new ResourceProfile(p.name(), p.displayName(),
                        p.limits().stream().map(l -> ResourceLimit.requested(l.type(), l.value())).toList(), null,
                        p.placementConstraints().stream().map(c -> new PlacementConstraint(c.name(), c.value())).toList()))
                .toList();
        return new ClusterInfo(true, info.images(), info.defaultImage().orElse(null), info.allowUnknownImages(), List.of(), null,
                List.of(), constraints, limits, profiles, false, false);
    }
}
