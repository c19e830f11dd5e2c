package io.kubelauncher.kubernetes.policy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What of a submitted job the policy checks.
 *
 * @param image the container image, empty when the job names none
 * @param resourceProfile the chosen resource profile; blank means {@code custom}
 * @param initContainers the images of the job's init containers, which obey the job image's rules
 */
public record JobRequest(Optional<String> image, String resourceProfile, List<RequestedLimit> limits,
                         List<PlacementRequest> placementConstraints, List<InitContainerImage> initContainers) {

    /** The image one init container asks for, under the init container's name (for messages). */
    public record InitContainerImage(String name, String image) {
        public InitContainerImage {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(image, "image");
        }
    }

    public JobRequest {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(resourceProfile, "resourceProfile");
        limits = List.copyOf(limits);
        placementConstraints = List.copyOf(placementConstraints);
        initContainers = List.copyOf(initContainers);
    }

    /** A job without init containers. */
    public JobRequest(Optional<String> image, String resourceProfile, List<RequestedLimit> limits,
                      List<PlacementRequest> placementConstraints) {
        this(image, resourceProfile, limits, placementConstraints, List.of());
    }
}
