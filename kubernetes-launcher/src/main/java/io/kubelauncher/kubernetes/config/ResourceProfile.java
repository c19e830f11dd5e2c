package io.kubelauncher.kubernetes.config;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One section of {@code launcher.kubernetes.resources.conf}: a named preset of limits.
 *
 * @param name the section title, which jobs and {@code resource-profiles} refer to
 * @param displayName the {@code name} key, or the section title
 * @param cpus the CPU limit ({@code cpus})
 * @param cpusRequest the CPU request ({@code cpus-request}), when set
 * @param memMb the memory limit in MB ({@code mem-mb})
 * @param memMbRequest the memory request in MB ({@code mem-mb-request}), when set
 * @param nvidiaGpus {@code nvidia-gpus}, default 0
 * @param amdGpus {@code amd-gpus}, default 0
 * @param placementConstraints {@code placement-constraints}, each with a value
 * @param line the line of the section header
 */
public record ResourceProfile(String name, String displayName, BigDecimal cpus, Optional<BigDecimal> cpusRequest,
                              BigDecimal memMb, Optional<BigDecimal> memMbRequest, int nvidiaGpus, int amdGpus,
                              List<PlacementConstraintOption> placementConstraints, int line) {

    /** The pseudo-profile of jobs that set their limits themselves. */
    public static final String CUSTOM = "custom";

    public ResourceProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(cpus, "cpus");
        Objects.requireNonNull(cpusRequest, "cpusRequest");
        Objects.requireNonNull(memMb, "memMb");
        Objects.requireNonNull(memMbRequest, "memMbRequest");
        placementConstraints = List.copyOf(placementConstraints);
    }
}
