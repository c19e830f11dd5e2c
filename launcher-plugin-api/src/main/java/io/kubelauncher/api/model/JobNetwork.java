package io.kubelauncher.api.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Where a job can be reached (spec 6.8). {@code ipAddresses} is always written (never null);
 * {@code endpoints} (newer API, meaning unconfirmed) is left out when empty.
 */
public record JobNetwork(String host, List<String> ipAddresses,
                         @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> endpoints) {
    public JobNetwork {
        host = host == null ? "" : host;
        ipAddresses = Lists.copy(ipAddresses);
        endpoints = Lists.copy(endpoints);
    }

    public JobNetwork(String host, List<String> ipAddresses) {
        this(host, ipAddresses, List.of());
    }
}
