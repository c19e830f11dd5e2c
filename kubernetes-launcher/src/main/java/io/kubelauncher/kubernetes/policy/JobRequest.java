package io.kubelauncher.kubernetes.policy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What of a submitted job the policy checks.
 *
 * @param image the container image, empty when the job names none
 * @param resourceProfile the chosen resource profile; blank means {@code custom}
 */
public record JobRequest(Optional<String> image, String resourceProfile, List<RequestedLimit> limits,
                         List<PlacementRequest> placementConstraints) {

    public JobRequest {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(resourceProfile, "resourceProfile");
        limits = List.copyOf(limits);
        placementConstraints = List.copyOf(placementConstraints);
    }
}
