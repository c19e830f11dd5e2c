package io.kubelauncher.api.model;

import java.time.Instant;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * One Launcher node behind a load balancer (request 201, advisory). {@code port} is a string on the
 * wire; a node is usable when {@code status} is {@code Online}. Any member may be null.
 */
public record LoadBalancerNode(
        String host,
        String ipv4,
        String port,
        @JsonSerialize(using = WireTime.Serializer.class) @JsonDeserialize(using = WireTime.Deserializer.class)
        Instant lastSeen,
        String status) {

    public boolean online() {
        return "Online".equals(status);
    }
}
