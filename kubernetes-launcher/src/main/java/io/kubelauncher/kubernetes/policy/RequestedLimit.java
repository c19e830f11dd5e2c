package io.kubelauncher.kubernetes.policy;

import java.util.Objects;

/** A job's resource limit as on the wire: {@code {"type": "cpuCount", "value": "2"}}. */
public record RequestedLimit(String type, String value) {

    public RequestedLimit {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
    }
}
