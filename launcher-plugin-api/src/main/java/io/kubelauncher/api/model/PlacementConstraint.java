package io.kubelauncher.api.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * A placement constraint (spec 7.4.6). In a job both members are set; in Cluster Info an entry
 * without {@code value} is a free-form constraint the user types a value for.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlacementConstraint(String name, String value) {
    public PlacementConstraint {
        Objects.requireNonNull(name, "placement constraint: name is required");
    }

    public static PlacementConstraint freeForm(String name) {
        return new PlacementConstraint(name, null);
    }
}
