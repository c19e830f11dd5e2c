package io.kubelauncher.kubernetes.config;

import java.util.Objects;
import java.util.Optional;

/**
 * A placement constraint as configured: {@code name:value} is one value the user may choose for
 * {@code name}; a bare {@code name} (no value) lets the user give {@code name} any value.
 */
public record PlacementConstraintOption(String name, Optional<String> value) {

    public PlacementConstraintOption {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    public static PlacementConstraintOption of(String name, String value) {
        return new PlacementConstraintOption(name, Optional.of(value));
    }

    public static PlacementConstraintOption freeForm(String name) {
        return new PlacementConstraintOption(name, Optional.empty());
    }

    public boolean isFreeForm() {
        return value.isEmpty();
    }

    @Override
    public String toString() {
        return value.map(v -> name + ":" + v).orElse(name);
    }
}
