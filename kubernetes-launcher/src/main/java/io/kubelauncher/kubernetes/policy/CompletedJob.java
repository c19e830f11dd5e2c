package io.kubelauncher.kubernetes.policy;

import io.kubelauncher.kubernetes.config.JsonOverride;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A job request that passed the user's policy, with the policy's choices filled in.
 *
 * @param image the requested image or the user's default image
 * @param resourceProfile the resource profile's name ({@code custom} when the job chose none)
 * @param limits every limit in force, in {@link LimitType} order, values as plain decimal strings
 *     ({@code "2"}, {@code "0.5"}); a type absent here is left to Kubernetes
 * @param placementConstraints the job's constraints plus those of its resource profile
 * @param cpuRequestRatio the user's {@code cpu-request-ratio} (the .Job context carries it)
 * @param memoryRequestRatio the user's {@code memory-request-ratio}
 * @param jobJsonOverrides the user's {@code job-json-overrides} (ignored when {@code use-templating=1})
 */
public record CompletedJob(String image, String resourceProfile, List<RequestedLimit> limits,
                           List<PlacementRequest> placementConstraints, BigDecimal cpuRequestRatio,
                           BigDecimal memoryRequestRatio, List<JsonOverride> jobJsonOverrides) {

    public CompletedJob {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(resourceProfile, "resourceProfile");
        limits = List.copyOf(limits);
        placementConstraints = List.copyOf(placementConstraints);
        Objects.requireNonNull(cpuRequestRatio, "cpuRequestRatio");
        Objects.requireNonNull(memoryRequestRatio, "memoryRequestRatio");
        jobJsonOverrides = List.copyOf(jobJsonOverrides);
    }
}
