package io.kubelauncher.kubernetes.policy;

import static io.kubelauncher.kubernetes.policy.Quantities.plain;

import io.kubelauncher.kubernetes.config.ConfigException;
import io.kubelauncher.kubernetes.config.ConfigProblem;
import io.kubelauncher.kubernetes.config.KubernetesConfig;
import io.kubelauncher.kubernetes.config.PlacementConstraintOption;
import io.kubelauncher.kubernetes.config.ResourceProfile;
import io.kubelauncher.kubernetes.config.ResourceProfilesFile;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-user policy from the profiles and resources files: what Cluster Info offers a user, and the
 * check (with defaults filled in) of every job a user submits. The two files are loaded together
 * and replaced together by {@link #reload()}; an invalid new pair leaves the old one in force.
 * Thread-safe: requests read an immutable snapshot.
 */
public final class UserPolicy {

    private static final Logger log = LoggerFactory.getLogger(UserPolicy.class);

    private final Path profilesPath;
    private final Path resourcesPath;
    private final GroupResolver groups;
    private volatile PolicySnapshot snapshot;

    private UserPolicy(Path profilesPath, Path resourcesPath, GroupResolver groups, PolicySnapshot snapshot) {
        this.profilesPath = profilesPath;
        this.resourcesPath = resourcesPath;
        this.groups = groups;
        this.snapshot = snapshot;
    }

    /**
     * Loads both files for start-up; missing files mean "no profiles" and "no resource profiles".
     *
     * @param groups usually {@code new CachedGroupResolver(new NameServiceGroups(), clock, ttl)}
     * @throws ConfigException every problem as {@code file:line: ...}; start-up should fail
     */
    public static UserPolicy load(Path profilesPath, Path resourcesPath, GroupResolver groups) throws ConfigException {
        PolicySnapshot snapshot = PolicySnapshot.load(profilesPath, resourcesPath, groups);
        logWarnings(snapshot);
        return new UserPolicy(profilesPath, resourcesPath, groups, snapshot);
    }

    /** Loads the files {@code profile-config} and the resources file of {@code config} name. */
    public static UserPolicy load(KubernetesConfig config, GroupResolver groups) throws ConfigException {
        return load(config.profileConfig(), config.resourcesConfig(), groups);
    }

    /**
     * Re-reads both files (Config Reload request, SIGHUP). On success the new policy applies to
     * every later request; on failure the previous one stays and the error is logged and returned.
     */
    public synchronized ReloadResult reload() {
        try {
            PolicySnapshot fresh = PolicySnapshot.load(profilesPath, resourcesPath, groups);
            logWarnings(fresh);
            snapshot = fresh;
            log.info("Reloaded {} and {}", profilesPath, resourcesPath);
            return new ReloadResult(ReloadResult.Outcome.RELOADED, "");
        } catch (ConfigException e) {
            log.error("Reloading the profiles failed; the previous profiles stay in force:\n{}", e.getMessage());
            return new ReloadResult(e.isUnreadable() ? ReloadResult.Outcome.LOAD_ERROR
                    : ReloadResult.Outcome.VALIDATION_ERROR, e.getMessage());
        }
    }

    /** The profile settings in force for {@code user}, defaults applied. */
    public UserProfile profileFor(String user) {
        return resolve(snapshot, user);
    }

    private UserProfile resolve(PolicySnapshot current, String user) {
        ProfileResolver.Resolution resolution = new ProfileResolver(current.profiles())
                .resolveWithDisagreements(user, groups.groupsOf(user));
        if (!resolution.disagreements().isEmpty() && current.warnedUsers().add(user)) {
            log.warn("For user {}, {} applies the more specific section's {} while reading the file top to bottom"
                            + " would apply a later, less specific section's; see the order warnings for the file",
                    user, current.profiles().file(), String.join(", ", resolution.disagreements()));
        }
        return resolution.profile();
    }

    /** What Cluster Info offers {@code user}. */
    public ClusterInfo clusterInfoFor(String user) {
        PolicySnapshot current = snapshot;
        UserProfile profile = resolve(current, user);
        List<ClusterInfo.LimitInfo> limits = new ArrayList<>();
        limits.add(limit(LimitType.CPU_COUNT, profile.defaultCpus(), profile.maxCpus()));
        limits.add(limit(LimitType.CPU_REQUEST, profile.defaultCpusRequest(), profile.maxCpusRequest()));
        limits.add(limit(LimitType.MEMORY, profile.defaultMemMb(), profile.maxMemMb()));
        limits.add(limit(LimitType.MEMORY_REQUEST, profile.defaultMemMbRequest(), profile.maxMemMbRequest()));
        // GPU types are offered only to users who may have GPUs: no GPU configuration, no GPU field
        if (profile.maxNvidiaGpus() > 0) {
            limits.add(gpuLimit(LimitType.NVIDIA_GPUS, profile.defaultNvidiaGpus(), profile.maxNvidiaGpus()));
        }
        if (profile.maxAmdGpus() > 0) {
            limits.add(gpuLimit(LimitType.AMD_GPUS, profile.defaultAmdGpus(), profile.maxAmdGpus()));
        }
        return new ClusterInfo(profile.containerImages(), profile.defaultContainerImage(), profile.allowUnknownImages(),
                profile.placementConstraints(), limits, resourceProfiles(profile, current.resources()),
                profile.allowCustomResources());
    }

    /**
     * Checks a job against its user's policy and completes it: default image, default limits,
     * derived requests, the chosen resource profile's limits and constraints.
     *
     * @throws PolicyViolation when the job asks for something the policy does not allow; answer
     *     it with Error 2 and the violation's message
     */
    public CompletedJob validateAndComplete(String user, JobRequest job) throws PolicyViolation {
        PolicySnapshot current = snapshot;
        UserProfile profile = resolve(current, user);
        return new JobValidator(user, profile, current.resources()).validate(job);
    }

    private static ClusterInfo.LimitInfo limit(LimitType type, BigDecimal defaultValue, BigDecimal max) {
        return new ClusterInfo.LimitInfo(type.wireName(), positive(defaultValue), positive(max));
    }

    private static ClusterInfo.LimitInfo gpuLimit(LimitType type, int defaultValue, int max) {
        return new ClusterInfo.LimitInfo(type.wireName(), Optional.of(Integer.toString(defaultValue)),
                Optional.of(Integer.toString(max)));
    }

    private static Optional<String> positive(BigDecimal value) {
        return value.signum() > 0 ? Optional.of(plain(value)) : Optional.empty();
    }

    private static List<ClusterInfo.ResourceProfileInfo> resourceProfiles(UserProfile profile,
                                                                          ResourceProfilesFile resources) {
        List<ResourceProfile> visible = new ArrayList<>();
        if (profile.resourceProfiles().isPresent()) {
            for (String name : profile.resourceProfiles().get()) {
                resources.find(name).ifPresent(visible::add);
            }
        } else {
            visible.addAll(resources.profiles());
        }
        List<ClusterInfo.ResourceProfileInfo> infos = new ArrayList<>();
        for (ResourceProfile p : visible) {
            List<RequestedLimit> limits = new ArrayList<>();
            limits.add(new RequestedLimit(LimitType.CPU_COUNT.wireName(), plain(p.cpus())));
            p.cpusRequest().ifPresent(v -> limits.add(new RequestedLimit(LimitType.CPU_REQUEST.wireName(), plain(v))));
            limits.add(new RequestedLimit(LimitType.MEMORY.wireName(), plain(p.memMb())));
            p.memMbRequest().ifPresent(v -> limits.add(new RequestedLimit(LimitType.MEMORY_REQUEST.wireName(), plain(v))));
            if (p.nvidiaGpus() > 0) {
                limits.add(new RequestedLimit(LimitType.NVIDIA_GPUS.wireName(), Integer.toString(p.nvidiaGpus())));
            }
            if (p.amdGpus() > 0) {
                limits.add(new RequestedLimit(LimitType.AMD_GPUS.wireName(), Integer.toString(p.amdGpus())));
            }
            List<PlacementRequest> constraints = new ArrayList<>();
            for (PlacementConstraintOption option : p.placementConstraints()) {
                constraints.add(new PlacementRequest(option.name(), option.value().orElseThrow()));
            }
            infos.add(new ClusterInfo.ResourceProfileInfo(p.name(), p.displayName(), limits, constraints));
        }
        return infos;
    }

    private static void logWarnings(PolicySnapshot snapshot) {
        for (ConfigProblem warning : snapshot.profiles().orderWarnings()) {
            log.warn("{}", warning);
        }
    }

    @Override
    public String toString() {
        return "UserPolicy[" + Objects.toString(profilesPath) + ", " + resourcesPath + "]";
    }
}
