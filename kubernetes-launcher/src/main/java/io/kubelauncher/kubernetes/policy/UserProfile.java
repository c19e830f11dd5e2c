package io.kubelauncher.kubernetes.policy;

import io.kubelauncher.kubernetes.config.JsonOverride;
import io.kubelauncher.kubernetes.config.PlacementConstraintOption;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The profiles file's settings as they apply to one user, defaults filled in. A zero CPU or memory
 * default or maximum means "not set" (Kubernetes decides); a zero GPU maximum means "no GPUs".
 *
 * @param resourceProfiles the {@code resource-profiles} list; empty Optional when not set (all
 *     resource profiles are available)
 */
public record UserProfile(
        List<String> containerImages,
        Optional<String> defaultContainerImage,
        boolean allowUnknownImages,
        List<PlacementConstraintOption> placementConstraints,
        BigDecimal defaultCpus,
        BigDecimal defaultCpusRequest,
        BigDecimal defaultMemMb,
        BigDecimal defaultMemMbRequest,
        BigDecimal maxCpus,
        BigDecimal maxCpusRequest,
        BigDecimal maxMemMb,
        BigDecimal maxMemMbRequest,
        List<JsonOverride> jobJsonOverrides,
        BigDecimal cpuRequestRatio,
        BigDecimal memoryRequestRatio,
        int defaultNvidiaGpus,
        int defaultAmdGpus,
        int maxNvidiaGpus,
        int maxAmdGpus,
        Optional<List<String>> resourceProfiles,
        boolean allowCustomResources) {

    public UserProfile {
        containerImages = List.copyOf(containerImages);
        Objects.requireNonNull(defaultContainerImage, "defaultContainerImage");
        placementConstraints = List.copyOf(placementConstraints);
        jobJsonOverrides = List.copyOf(jobJsonOverrides);
        resourceProfiles = resourceProfiles.map(List::copyOf);
    }
}
