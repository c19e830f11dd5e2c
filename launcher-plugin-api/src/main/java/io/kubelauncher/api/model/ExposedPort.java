package io.kubelauncher.api.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A port a job exposes (spec 7.4.4); {@code protocol} defaults to TCP and is always written. */
public record ExposedPort(
        int targetPort,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer publishedPort,
        String protocol) {

    public ExposedPort {
        protocol = protocol == null || protocol.isEmpty() ? "TCP" : protocol;
    }

    @JsonCreator
    static ExposedPort fromJson(@JsonProperty("targetPort") Integer targetPort,
                                @JsonProperty("publishedPort") Integer publishedPort,
                                @JsonProperty("protocol") String protocol) {
        if (targetPort == null) {
            throw new IllegalArgumentException("exposed port: targetPort is required");
        }
        return new ExposedPort(targetPort, publishedPort, protocol);
    }

    public static ExposedPort tcp(int targetPort) {
        return new ExposedPort(targetPort, null, "TCP");
    }
}
