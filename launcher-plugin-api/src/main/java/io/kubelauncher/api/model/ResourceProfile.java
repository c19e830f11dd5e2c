package io.kubelauncher.api.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;

/** A named preset of limits (spec 7.4.9, newer API). */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ResourceProfile(String name, String displayName, List<ResourceLimit> limits, String queue,
                              List<PlacementConstraint> placementConstraints) {
    public ResourceProfile {
        Objects.requireNonNull(name, "resource profile: name is required");
        limits = Lists.copy(limits);
        placementConstraints = Lists.copy(placementConstraints);
    }
}
