package io.kubelauncher.testkit.client;

import java.time.Instant;
import java.util.OptionalLong;
import tools.jackson.databind.JsonNode;

/**
 * One frame the plugin sent, as the Launcher would see it: the parsed JSON object, with accessors
 * for the envelope and the fields tests look at most.
 */
public record Message(JsonNode json, Instant receivedAt) {

    public int messageType() {
        return json.path("messageType").asInt(Integer.MIN_VALUE);
    }

    public long requestId() {
        return json.path("requestId").asLong(-1);
    }

    public long responseId() {
        return json.path("responseId").asLong(-1);
    }

    public boolean isError() {
        return messageType() == -1;
    }

    public boolean isHeartbeat() {
        return messageType() == 0;
    }

    /** The error code of an Error message, or -1. */
    public int errorCode() {
        return isError() ? json.path("errorCode").asInt(-1) : -1;
    }

    public String errorMessage() {
        return json.path("errorMessage").asString("");
    }

    public JsonNode get(String field) {
        return json.get(field);
    }

    public boolean has(String field) {
        return json.has(field);
    }

    /** For multiplexed stream messages: this message's seqId in the given request's stream. */
    public OptionalLong seqIdFor(long requestId) {
        for (JsonNode sequence : json.path("sequences")) {
            if (sequence.path("requestId").asLong(-1) == requestId) {
                return OptionalLong.of(sequence.path("seqId").asLong());
            }
        }
        if (json.has("seqId") && requestId() == requestId) {
            return OptionalLong.of(json.get("seqId").asLong());
        }
        return OptionalLong.empty();
    }

    @Override
    public String toString() {
        return json.toString();
    }
}
