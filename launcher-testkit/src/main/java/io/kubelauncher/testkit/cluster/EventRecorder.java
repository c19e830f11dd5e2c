package io.kubelauncher.testkit.cluster;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes core/v1 Events about objects, aggregating repeats of the same reason and message into
 * one Event with a growing {@code count}, as the kubelet's and scheduler's recorders do.
 * Used only from the controller thread.
 */
final class EventRecorder {
  enum Type { Normal, Warning }

  private final ObjectStore store;
  private final Clock clock;
  private final Map<String, String> aggregated = new HashMap<>();

  EventRecorder(ObjectStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  void record(JsonNode involved, Type type, String reason, String message, String component, String host) {
    JsonNode metadata = involved.path("metadata");
    String namespace = metadata.path("namespace").asString("default");
    String uid = metadata.path("uid").asString("");
    String aggregationKey = uid + "\u0000" + reason + "\u0000" + message;
    Instant now = clock.instant();
    String existing = aggregated.get(aggregationKey);
    if (existing != null && store.get(ResourceKind.EVENTS, namespace, existing).isPresent()) {
      store.update(ResourceKind.EVENTS, namespace, existing, event -> {
        ObjectStore.metadata(event).remove("resourceVersion");
        event.put("count", event.path("count").asInt(1) + 1);
        event.put("lastTimestamp", ObjectStore.timestamp(now));
        return event;
      });
      return;
    }
    ObjectNode event = Json.object();
    String name = metadata.path("name").asString("") + "." + Long.toHexString(now.getEpochSecond() * 1_000_000_000L + now.getNano())
        + Integer.toHexString(aggregated.size() & 0xfff);
    event.putObject("metadata").put("name", name).put("namespace", namespace);
    ObjectNode object = event.putObject("involvedObject");
    object.put("kind", involved.path("kind").asString(""));
    object.put("namespace", namespace);
    object.put("name", metadata.path("name").asString(""));
    object.put("uid", uid);
    object.put("apiVersion", involved.path("apiVersion").asString(""));
    object.put("resourceVersion", metadata.path("resourceVersion").asString(""));
    event.put("reason", reason);
    event.put("message", message);
    ObjectNode source = event.putObject("source").put("component", component);
    if (host != null) {
      source.put("host", host);
    }
    event.put("firstTimestamp", ObjectStore.timestamp(now));
    event.put("lastTimestamp", ObjectStore.timestamp(now));
    event.put("count", 1);
    event.put("type", type.name());
    event.putNull("eventTime");
    event.put("reportingComponent", component);
    event.put("reportingInstance", host == null ? "" : host);
    store.create(ResourceKind.EVENTS, namespace, event);
    aggregated.put(aggregationKey, name);
  }
}
