package io.kubelauncher.kubernetes.policy;

import io.kubelauncher.kubernetes.config.PlacementConstraintOption;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The user-dependent part of the Cluster Info answer.
 *
 * @param images {@code container-images}
 * @param defaultImage {@code default-container-image}
 * @param allowUnknownImages {@code allow-unknown-images}
 * @param placementConstraints {@code placement-constraints}: one entry per allowed value, free-form
 *     names without a value
 * @param resourceLimits the limit types the user may set, with defaults and maxima
 * @param resourceProfiles the resource profiles the user may choose, in configured order (the
 *     {@code custom} pseudo-profile is not listed; see {@code allowCustomResources})
 * @param allowCustomResources {@code allow-custom-resources}: whether jobs may set their own limits
 */
public record ClusterInfo(List<String> images, Optional<String> defaultImage, boolean allowUnknownImages,
                          List<PlacementConstraintOption> placementConstraints, List<LimitInfo> resourceLimits,
                          List<ResourceProfileInfo> resourceProfiles, boolean allowCustomResources) {

    public ClusterInfo {
        images = List.copyOf(images);
        Objects.requireNonNull(defaultImage, "defaultImage");
        placementConstraints = List.copyOf(placementConstraints);
        resourceLimits = List.copyOf(resourceLimits);
        resourceProfiles = List.copyOf(resourceProfiles);
    }

    /** A limit type on offer: {@code {"type", "defaultValue"?, "maxValue"?}} on the wire. */
    public record LimitInfo(String type, Optional<String> defaultValue, Optional<String> maxValue) {
        public LimitInfo {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(defaultValue, "defaultValue");
            Objects.requireNonNull(maxValue, "maxValue");
        }
    }

    /**
     * A resource profile on offer: {@code name} (section title), {@code displayName} (its
     * {@code name} key), the limits it sets and its placement constraints.
     */
    public record ResourceProfileInfo(String name, String displayName, List<RequestedLimit> limits,
                                      List<PlacementRequest> placementConstraints) {
        public ResourceProfileInfo {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(displayName, "displayName");
            limits = List.copyOf(limits);
            placementConstraints = List.copyOf(placementConstraints);
        }
    }
}
