package io.kubelauncher.testkit.cluster;

import java.time.Clock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Status conditions: set one by type, keeping its lastTransitionTime unless its status changes. */
final class Conditions {
  private Conditions() {
  }

  static void set(ObjectNode status, String type, String value, String reason, String message, Clock clock) {
    ArrayNode conditions = status.withArrayProperty("conditions");
    String now = ObjectStore.timestamp(clock.instant());
    for (JsonNode node : conditions) {
      ObjectNode condition = (ObjectNode) node;
      if (type.equals(condition.path("type").asString(""))) {
        if (!value.equals(condition.path("status").asString(""))) {
          condition.put("lastTransitionTime", now);
        }
        fill(condition, value, reason, message);
        return;
      }
    }
    ObjectNode condition = conditions.addObject().put("type", type);
    condition.put("lastProbeTime", (String) null);
    condition.put("lastTransitionTime", now);
    fill(condition, value, reason, message);
  }

  private static void fill(ObjectNode condition, String value, String reason, String message) {
    condition.put("status", value);
    if (reason != null) {
      condition.put("reason", reason);
    } else {
      condition.remove("reason");
    }
    if (message != null) {
      condition.put("message", message);
    } else {
      condition.remove("message");
    }
  }

  static boolean isTrue(JsonNode status, String type) {
    for (JsonNode condition : status.path("conditions")) {
      if (type.equals(condition.path("type").asString("")) && "True".equals(condition.path("status").asString(""))) {
        return true;
      }
    }
    return false;
  }
}
