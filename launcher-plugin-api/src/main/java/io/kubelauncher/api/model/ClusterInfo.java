package io.kubelauncher.api.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What a cluster offers a user (spec 6.9 and 10). Booleans and the {@code config},
 * {@code placementConstraints}, {@code resourceLimits} and {@code resourceProfiles} arrays are
 * always written, as the Go SDK does; the other members are left out when empty.
 *
 * @param defaultImage may be null
 * @param defaultQueue may be null (newer API)
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ClusterInfo(
        boolean supportsContainers,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> images,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) String defaultImage,
        boolean allowUnknownImages,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> queues,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) String defaultQueue,
        List<JobConfig> config,
        List<PlacementConstraint> placementConstraints,
        List<ResourceLimit> resourceLimits,
        List<ResourceProfile> resourceProfiles,
        boolean supportsInitContainers,
        boolean containersUseHostNetwork) {

    public ClusterInfo {
        images = Lists.copy(images);
        queues = Lists.copy(queues);
        config = Lists.copy(config);
        placementConstraints = Lists.copy(placementConstraints);
        resourceLimits = Lists.copy(resourceLimits);
        resourceProfiles = Lists.copy(resourceProfiles);
    }

    /** A cluster without containers, queues, limits or constraints; a starting point for tests. */
    public static ClusterInfo minimal() {
        return new ClusterInfo(false, List.of(), null, false, List.of(), null, List.of(), List.of(),
                List.of(), List.of(), false, false);
    }
}
