package io.kubelauncher.kubernetes.policy;

import static io.kubelauncher.kubernetes.policy.Quantities.plain;

import io.kubelauncher.kubernetes.config.PlacementConstraintOption;
import io.kubelauncher.kubernetes.config.ResourceProfile;
import io.kubelauncher.kubernetes.config.ResourceProfilesFile;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Checks one job against one user's profile and fills in what the profile decides.
 *
 * <p>Limits: a limit the job does not set gets the user's default, or the maximum when there is no
 * default (so that a maximum cannot be escaped by leaving the limit out). A request the job does
 * not set gets the default request, or else the limit times the request ratio when the ratio is
 * below 1; such derived requests are lowered to the limit and to the maximum request, while
 * values the job (or its resource profile) asked for are refused when above them. Zero CPU and
 * memory values mean "not set"; GPU maxima of zero mean "no GPUs".
 */
final class JobValidator {

    private static final int CPU_SCALE = 3; // Kubernetes CPU quantities go down to millicores

    /** A value in force and where it came from, for messages. */
    private record Value(BigDecimal amount, String source, boolean requested) {}

    private final String user;
    private final UserProfile profile;
    private final ResourceProfilesFile resources;

    JobValidator(String user, UserProfile profile, ResourceProfilesFile resources) {
        this.user = user;
        this.profile = profile;
        this.resources = resources;
    }

    CompletedJob validate(JobRequest job) throws PolicyViolation {
        String image = image(job.image());
        for (JobRequest.InitContainerImage init : job.initContainers()) {
            initContainerImage(init);
        }
        String profileName = job.resourceProfile().isBlank() ? ResourceProfile.CUSTOM : job.resourceProfile().strip();
        Map<LimitType, Value> limits = requestedLimits(job.limits());
        List<PlacementRequest> constraints = requestedConstraints(job.placementConstraints());
        if (profileName.equals(ResourceProfile.CUSTOM)) {
            if (!profile.allowCustomResources()) {
                throw new PolicyViolation("allow-custom-resources", profileName, "0",
                        "resource profile custom (the job's own limits) is not allowed for user " + user
                                + ": allow-custom-resources is 0; choose one of the resource profiles "
                                + (visibleNames().isEmpty() ? "(none configured)" : String.join(", ", visibleNames())));
            }
        } else {
            ResourceProfile chosen = visibleProfile(profileName);
            applyProfile(chosen, limits);
            constraints = withProfileConstraints(chosen, constraints);
        }
        complete(limits);
        check(limits);
        List<RequestedLimit> out = new ArrayList<>();
        for (Map.Entry<LimitType, Value> e : limits.entrySet()) {
            // a GPU count of 0 is written only when the job itself asked for it
            if (e.getValue().amount().signum() > 0 || e.getKey().isGpu() && e.getValue().source().equals("requested")) {
                out.add(new RequestedLimit(e.getKey().wireName(), plain(e.getValue().amount())));
            }
        }
        return new CompletedJob(image, profileName, out, constraints, profile.cpuRequestRatio(),
                profile.memoryRequestRatio(), profile.jobJsonOverrides());
    }

    private String image(Optional<String> requested) throws PolicyViolation {
        Optional<String> asked = requested.map(String::strip).filter(s -> !s.isEmpty());
        if (asked.isEmpty()) {
            return profile.defaultContainerImage().orElseThrow(() -> new PolicyViolation("default-container-image",
                    "none", "none configured", "the job names no container image and no default-container-image"
                    + " is configured for user " + user));
        }
        String image = asked.get();
        if (!profile.allowUnknownImages() && !profile.containerImages().contains(image)
                && !profile.defaultContainerImage().equals(asked)) {
            String allowed = allowedImages();
            throw new PolicyViolation("allow-unknown-images", image, allowed, "container image " + image
                    + " is not allowed for user " + user + ": allow-unknown-images is 0 and container-images allows "
                    + allowed);
        }
        return image;
    }

    /**
     * An init container runs whatever its image holds inside the user's pod, so the rule that
     * keeps the job to the administrator's images keeps its init containers to them too. There is
     * no default to fall back on: an init container without an image is refused.
     */
    private void initContainerImage(JobRequest.InitContainerImage init) throws PolicyViolation {
        String image = init.image().strip();
        if (image.isEmpty()) {
            throw new PolicyViolation("initContainers", "none", "an image", "init container " + init.name() + " names no container image");
        }
        if (!profile.allowUnknownImages() && !profile.containerImages().contains(image)
                && !profile.defaultContainerImage().equals(Optional.of(image))) {
            String allowed = allowedImages();
            throw new PolicyViolation("allow-unknown-images", image, allowed, "init container " + init.name() + ": container image "
                    + image + " is not allowed for user " + user + ": allow-unknown-images is 0 and container-images allows " + allowed);
        }
    }

    private String allowedImages() {
        List<String> images = new ArrayList<>(profile.containerImages());
        profile.defaultContainerImage().filter(d -> !images.contains(d)).ifPresent(images::add);
        return images.isEmpty() ? "none" : String.join(", ", images);
    }

    private Map<LimitType, Value> requestedLimits(List<RequestedLimit> requested) throws PolicyViolation {
        Map<LimitType, Value> limits = new EnumMap<>(LimitType.class);
        for (RequestedLimit limit : requested) {
            Optional<LimitType> type = LimitType.fromWireName(limit.type());
            if (type.isEmpty()) {
                String supported = Arrays.stream(LimitType.values()).map(LimitType::wireName)
                        .collect(Collectors.joining(", "));
                throw new PolicyViolation("resource limit type", limit.type(), supported, "resource limit type "
                        + limit.type() + " is not supported by this cluster (supported: " + supported + ")");
            }
            if (limit.value().isBlank()) {
                continue; // an empty value sets nothing; the defaults apply
            }
            if (limits.containsKey(type.get())) {
                throw new PolicyViolation(limit.type(), limit.value(), "one value",
                        "resource limit " + limit.type() + " is given more than once");
            }
            limits.put(type.get(), new Value(number(type.get(), limit.value()), "requested", true));
        }
        return limits;
    }

    private static BigDecimal number(LimitType type, String raw) throws PolicyViolation {
        String text = raw.strip();
        String expected = type.isGpu() ? "a whole number >= 0" : "a number >= 0";
        if (!text.matches(type.isGpu() ? "\\+?\\d+" : "\\+?(\\d+(\\.\\d*)?|\\.\\d+)")) {
            throw new PolicyViolation(type.wireName(), raw, expected,
                    "resource limit " + type.wireName() + ": bad value '" + raw + "', expected " + expected);
        }
        return new BigDecimal(text);
    }

    private List<PlacementRequest> requestedConstraints(List<PlacementRequest> requested) throws PolicyViolation {
        Map<String, PlacementRequest> byName = new LinkedHashMap<>();
        String allowed = profile.placementConstraints().isEmpty() ? "none"
                : profile.placementConstraints().stream()
                        .map(o -> o.isFreeForm() ? o.name() + " (any value)" : o.toString())
                        .collect(Collectors.joining(", "));
        for (PlacementRequest constraint : requested) {
            String shown = constraint.name() + "=" + constraint.value();
            List<PlacementConstraintOption> options = profile.placementConstraints().stream()
                    .filter(o -> o.name().equals(constraint.name())).collect(Collectors.toList());
            boolean freeForm = options.stream().anyMatch(PlacementConstraintOption::isFreeForm);
            boolean listed = options.stream().anyMatch(o -> o.value().equals(Optional.of(constraint.value())));
            if (!(listed || freeForm && !constraint.value().isBlank())) {
                throw new PolicyViolation("placement-constraints", shown, allowed, "placement constraint " + shown
                        + " is not allowed for user " + user + ": placement-constraints allows " + allowed);
            }
            if (byName.putIfAbsent(constraint.name(), constraint) != null) {
                throw new PolicyViolation("placement-constraints", shown, "one value per name",
                        "placement constraint " + constraint.name() + " is given more than once");
            }
        }
        return List.copyOf(byName.values());
    }

    private List<String> visibleNames() {
        return profile.resourceProfiles()
                .map(names -> names.stream().filter(n -> !n.equals(ResourceProfile.CUSTOM)).collect(Collectors.toList()))
                .orElseGet(() -> resources.profiles().stream().map(ResourceProfile::name).collect(Collectors.toList()));
    }

    private ResourceProfile visibleProfile(String name) throws PolicyViolation {
        List<String> visible = visibleNames();
        String allowed = visible.isEmpty() ? "none" : String.join(", ", visible);
        Optional<ResourceProfile> found = resources.find(name);
        if (found.isEmpty() || !visible.contains(name)) {
            throw new PolicyViolation("resource-profiles", name, allowed, "resource profile " + name
                    + (found.isEmpty() ? " does not exist" : " is not available to user " + user)
                    + ": resource-profiles allows " + allowed);
        }
        return found.get();
    }

    private void applyProfile(ResourceProfile chosen, Map<LimitType, Value> limits) throws PolicyViolation {
        String source = "resource profile " + chosen.name();
        Map<LimitType, BigDecimal> preset = new EnumMap<>(LimitType.class);
        Map<LimitType, String> keys = new EnumMap<>(LimitType.class);
        preset.put(LimitType.CPU_COUNT, chosen.cpus());
        keys.put(LimitType.CPU_COUNT, "cpus");
        chosen.cpusRequest().ifPresent(v -> preset.put(LimitType.CPU_REQUEST, v));
        keys.put(LimitType.CPU_REQUEST, "cpus-request");
        preset.put(LimitType.MEMORY, chosen.memMb());
        keys.put(LimitType.MEMORY, "mem-mb");
        chosen.memMbRequest().ifPresent(v -> preset.put(LimitType.MEMORY_REQUEST, v));
        keys.put(LimitType.MEMORY_REQUEST, "mem-mb-request");
        preset.put(LimitType.NVIDIA_GPUS, BigDecimal.valueOf(chosen.nvidiaGpus()));
        keys.put(LimitType.NVIDIA_GPUS, "nvidia-gpus");
        preset.put(LimitType.AMD_GPUS, BigDecimal.valueOf(chosen.amdGpus()));
        keys.put(LimitType.AMD_GPUS, "amd-gpus");
        for (Map.Entry<LimitType, BigDecimal> e : preset.entrySet()) {
            Value asked = limits.get(e.getKey());
            if (asked != null && asked.amount().compareTo(e.getValue()) != 0) {
                String setting = keys.get(e.getKey()) + " of resource profile " + chosen.name();
                throw new PolicyViolation(setting, plain(asked.amount()), plain(e.getValue()), "resource limit "
                        + e.getKey().wireName() + ": requested " + plain(asked.amount()) + ", but resource profile "
                        + chosen.name() + " sets " + keys.get(e.getKey()) + "=" + plain(e.getValue())
                        + " (choose resource profile custom to set limits yourself)");
            }
            limits.put(e.getKey(), new Value(e.getValue(), source, true));
        }
    }

    private List<PlacementRequest> withProfileConstraints(ResourceProfile chosen, List<PlacementRequest> constraints)
            throws PolicyViolation {
        List<PlacementRequest> merged = new ArrayList<>(constraints);
        for (PlacementConstraintOption option : chosen.placementConstraints()) {
            String value = option.value().orElseThrow();
            Optional<PlacementRequest> same = constraints.stream().filter(c -> c.name().equals(option.name())).findFirst();
            if (same.isPresent() && !same.get().value().equals(value)) {
                throw new PolicyViolation("placement-constraints of resource profile " + chosen.name(),
                        same.get().toString(), option.name() + "=" + value, "placement constraint " + same.get()
                        + " conflicts with resource profile " + chosen.name() + ", which places jobs on "
                        + option.name() + "=" + value);
            }
            if (same.isEmpty()) {
                merged.add(new PlacementRequest(option.name(), value));
            }
        }
        return List.copyOf(merged);
    }

    private void complete(Map<LimitType, Value> limits) {
        completeLimit(limits, LimitType.CPU_COUNT, profile.defaultCpus(), "default-cpus", profile.maxCpus(), "max-cpus");
        completeLimit(limits, LimitType.MEMORY, profile.defaultMemMb(), "default-mem-mb", profile.maxMemMb(), "max-mem-mb");
        completeGpus(limits, LimitType.NVIDIA_GPUS, profile.defaultNvidiaGpus(), "default-nvidia-gpus");
        completeGpus(limits, LimitType.AMD_GPUS, profile.defaultAmdGpus(), "default-amd-gpus");
        completeRequest(limits, LimitType.CPU_REQUEST, LimitType.CPU_COUNT, profile.defaultCpusRequest(),
                "default-cpus-request", profile.cpuRequestRatio(), "cpu-request-ratio", profile.maxCpusRequest(), CPU_SCALE);
        completeRequest(limits, LimitType.MEMORY_REQUEST, LimitType.MEMORY, profile.defaultMemMbRequest(),
                "default-mem-mb-request", profile.memoryRequestRatio(), "memory-request-ratio",
                profile.maxMemMbRequest(), 0);
    }

    private static void completeLimit(Map<LimitType, Value> limits, LimitType type, BigDecimal defaultValue,
                                      String defaultKey, BigDecimal max, String maxKey) {
        if (limits.containsKey(type) && limits.get(type).amount().signum() > 0) {
            return;
        }
        if (defaultValue.signum() > 0) {
            limits.put(type, new Value(defaultValue, defaultKey, false));
        } else if (max.signum() > 0) {
            limits.put(type, new Value(max, maxKey, false));
        }
    }

    private static void completeGpus(Map<LimitType, Value> limits, LimitType type, int defaultValue, String key) {
        if (!limits.containsKey(type) && defaultValue > 0) {
            limits.put(type, new Value(BigDecimal.valueOf(defaultValue), key, false));
        }
    }

    private static void completeRequest(Map<LimitType, Value> limits, LimitType request, LimitType limitType,
                                        BigDecimal defaultValue, String defaultKey, BigDecimal ratio, String ratioKey,
                                        BigDecimal max, int scale) {
        if (limits.containsKey(request) && limits.get(request).amount().signum() > 0) {
            return;
        }
        Value limit = limits.get(limitType);
        Value derived = null;
        if (defaultValue.signum() > 0) {
            derived = new Value(defaultValue, defaultKey, false);
        } else if (limit != null && limit.amount().signum() > 0 && ratio.compareTo(BigDecimal.ONE) < 0) {
            BigDecimal amount = limit.amount().multiply(ratio).setScale(scale, RoundingMode.DOWN);
            if (amount.signum() > 0) {
                derived = new Value(amount, ratioKey, false);
            }
        }
        if (derived == null) {
            return;
        }
        BigDecimal amount = derived.amount();
        if (limit != null && limit.amount().signum() > 0 && amount.compareTo(limit.amount()) > 0) {
            amount = limit.amount();
        }
        if (max.signum() > 0 && amount.compareTo(max) > 0) {
            amount = max;
        }
        limits.put(request, new Value(amount, derived.source(), false));
    }

    private void check(Map<LimitType, Value> limits) throws PolicyViolation {
        checkMax(limits, LimitType.CPU_COUNT, profile.maxCpus(), "max-cpus", false);
        checkMax(limits, LimitType.MEMORY, profile.maxMemMb(), "max-mem-mb", false);
        checkMax(limits, LimitType.CPU_REQUEST, profile.maxCpusRequest(), "max-cpus-request", false);
        checkMax(limits, LimitType.MEMORY_REQUEST, profile.maxMemMbRequest(), "max-mem-mb-request", false);
        checkMax(limits, LimitType.NVIDIA_GPUS, BigDecimal.valueOf(profile.maxNvidiaGpus()), "max-nvidia-gpus", true);
        checkMax(limits, LimitType.AMD_GPUS, BigDecimal.valueOf(profile.maxAmdGpus()), "max-amd-gpus", true);
        checkRequestWithinLimit(limits, LimitType.CPU_REQUEST, LimitType.CPU_COUNT);
        checkRequestWithinLimit(limits, LimitType.MEMORY_REQUEST, LimitType.MEMORY);
    }

    private void checkMax(Map<LimitType, Value> limits, LimitType type, BigDecimal max, String maxKey, boolean zeroMeansNone)
            throws PolicyViolation {
        Value value = limits.get(type);
        if (value == null || value.amount().signum() == 0 || max.signum() == 0 && !zeroMeansNone) {
            return;
        }
        if (value.amount().compareTo(max) > 0) {
            String requested = plain(value.amount());
            String allowed = max.signum() == 0 ? "none" : "at most " + plain(max);
            String what = value.source().equals("requested") ? "requested " + requested
                    : value.requested() ? requested + " from " + value.source()
                    : requested + " from " + value.source() + " (the job did not set it)";
            throw new PolicyViolation(maxKey, requested, plain(max), "resource limit " + type.wireName() + ": "
                    + what + ", but " + maxKey + " allows " + allowed + " for user " + user);
        }
    }

    private static void checkRequestWithinLimit(Map<LimitType, Value> limits, LimitType request, LimitType limit)
            throws PolicyViolation {
        Value asked = limits.get(request);
        Value cap = limits.get(limit);
        if (asked != null && cap != null && cap.amount().signum() > 0 && asked.amount().compareTo(cap.amount()) > 0) {
            throw new PolicyViolation(limit.wireName(), plain(asked.amount()), plain(cap.amount()), "resource limit "
                    + request.wireName() + ": requested " + plain(asked.amount()) + ", but a request cannot exceed its"
                    + " limit " + limit.wireName() + "=" + plain(cap.amount()) + " (" + cap.source() + ")");
        }
    }
}
