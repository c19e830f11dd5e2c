package io.kubelauncher.kubernetes.policy;

import java.util.Objects;

/** A job's placement constraint: {@code {"name": "region", "value": "us"}}. */
public record PlacementRequest(String name, String value) {

    public PlacementRequest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return name + "=" + value;
    }
}
