package io.kubelauncher.testkit.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Server-side printing: the {@code meta.k8s.io/v1 Table} form kubectl asks for with
 * {@code Accept: application/json;as=Table}, with the columns the real server prints.
 */
final class Tables {

  private record Column(String name, String type, String format) {}

  private Tables() {
  }

  static boolean wanted(String accept) {
    return accept != null && accept.contains("as=Table");
  }

  static ObjectNode table(ResourceKind kind, List<ObjectNode> objects, JsonNode listMetadata, boolean includeObject, Instant now) {
    ObjectNode table = Json.object().put("kind", "Table").put("apiVersion", "meta.k8s.io/v1");
    table.set("metadata", listMetadata);
    ArrayNode definitions = table.putArray("columnDefinitions");
    for (Column column : columns(kind)) {
      definitions.addObject().put("name", column.name()).put("type", column.type()).put("format", column.format())
          .put("description", "").put("priority", 0);
    }
    ArrayNode rows = table.putArray("rows");
    for (ObjectNode object : objects) {
      ObjectNode row = rows.addObject();
      ArrayNode cells = row.putArray("cells");
      cells(kind, object, now).forEach(cells::add);
      if (includeObject) {
        row.set("object", object);
      } else {
        ObjectNode partial = Json.object().put("kind", "PartialObjectMetadata").put("apiVersion", "meta.k8s.io/v1");
        partial.set("metadata", object.path("metadata"));
        row.set("object", partial);
      }
    }
    return table;
  }

  private static List<Column> columns(ResourceKind kind) {
    Column name = new Column("Name", "string", "name");
    Column age = new Column("Age", "string", "");
    if (kind == ResourceKind.PODS) {
      return List.of(name, new Column("Ready", "string", ""), new Column("Status", "string", ""), new Column("Restarts", "string", ""), age);
    }
    if (kind == ResourceKind.JOBS) {
      return List.of(name, new Column("Status", "string", ""), new Column("Completions", "string", ""), new Column("Duration", "string", ""), age);
    }
    if (kind == ResourceKind.NODES) {
      return List.of(name, new Column("Status", "string", ""), new Column("Roles", "string", ""), age, new Column("Version", "string", ""));
    }
    if (kind == ResourceKind.SERVICES) {
      return List.of(name, new Column("Type", "string", ""), new Column("Cluster-IP", "string", ""), new Column("External-IP", "string", ""),
          new Column("Port(s)", "string", ""), age);
    }
    if (kind == ResourceKind.EVENTS) {
      return List.of(new Column("Last Seen", "string", ""), new Column("Type", "string", ""), new Column("Reason", "string", ""),
          new Column("Object", "string", ""), new Column("Message", "string", ""));
    }
    return List.of(name, age);
  }

  private static List<String> cells(ResourceKind kind, JsonNode object, Instant now) {
    JsonNode metadata = object.path("metadata");
    String name = metadata.path("name").asString("");
    String age = age(metadata.path("creationTimestamp").asString(""), now);
    JsonNode status = object.path("status");
    if (kind == ResourceKind.PODS) {
      int total = object.path("spec").path("containers").size();
      int ready = 0;
      for (JsonNode container : status.path("containerStatuses")) {
        ready += container.path("ready").asBoolean(false) ? 1 : 0;
      }
      return List.of(name, ready + "/" + total, podStatus(object), "0", age);
    }
    if (kind == ResourceKind.JOBS) {
      String state = Conditions.isTrue(status, "Complete") ? "Complete" : Conditions.isTrue(status, "Failed") ? "Failed"
          : object.path("spec").path("suspend").asBoolean(false) ? "Suspended" : "Running";
      String completions = status.path("succeeded").asInt(0) + "/" + object.path("spec").path("completions").asInt(1);
      String duration = "";
      if (status.has("startTime")) {
        Instant end = status.has("completionTime") ? Instant.parse(status.path("completionTime").asString("")) : now;
        duration = human(Duration.between(Instant.parse(status.path("startTime").asString("")), end));
      }
      return List.of(name, state, completions, duration, age);
    }
    if (kind == ResourceKind.NODES) {
      return List.of(name, Conditions.isTrue(status, "Ready") ? "Ready" : "NotReady", "<none>", age,
          status.path("nodeInfo").path("kubeletVersion").asString(""));
    }
    if (kind == ResourceKind.SERVICES) {
      List<String> ports = new ArrayList<>();
      for (JsonNode port : object.path("spec").path("ports")) {
        ports.add(port.path("port").asInt() + (port.has("nodePort") ? ":" + port.path("nodePort").asInt() : "") + "/"
            + port.path("protocol").asString("TCP"));
      }
      return List.of(name, object.path("spec").path("type").asString(""), object.path("spec").path("clusterIP").asString(""), "<none>",
          ports.isEmpty() ? "<none>" : String.join(",", ports), age);
    }
    if (kind == ResourceKind.EVENTS) {
      JsonNode involved = object.path("involvedObject");
      return List.of(age(object.path("lastTimestamp").asString(""), now), object.path("type").asString(""), object.path("reason").asString(""),
          involved.path("kind").asString("").toLowerCase() + "/" + involved.path("name").asString(""), object.path("message").asString(""));
    }
    return List.of(name, age);
  }

  /** What {@code kubectl get pods} shows in STATUS: a waiting or terminated reason, else the phase. */
  private static String podStatus(JsonNode pod) {
    if (pod.path("metadata").has("deletionTimestamp")) {
      return "Terminating";
    }
    String result = pod.path("status").path("phase").asString("Pending");
    for (JsonNode container : pod.path("status").path("containerStatuses")) {
      JsonNode state = container.path("state");
      if (state.has("waiting") && !state.path("waiting").path("reason").asString("").isEmpty()) {
        result = state.path("waiting").path("reason").asString("");
      } else if (state.has("terminated")) {
        result = state.path("terminated").path("reason").asString("Completed");
      }
    }
    return result;
  }

  private static String age(String timestamp, Instant now) {
    if (timestamp.isEmpty()) {
      return "<unknown>";
    }
    return human(Duration.between(Instant.parse(timestamp), now));
  }

  /** kubectl's short durations: 45s, 3m12s, 15m, 2h10m, 20h, 3d4h, 12d. */
  static String human(Duration duration) {
    long seconds = Math.max(0, duration.getSeconds());
    if (seconds < 120) {
      return seconds + "s";
    }
    long minutes = seconds / 60;
    if (minutes < 10) {
      return minutes + "m" + (seconds % 60 == 0 ? "" : seconds % 60 + "s");
    }
    if (minutes < 180) {
      return minutes + "m";
    }
    long hours = minutes / 60;
    if (hours < 8) {
      return hours + "h" + (minutes % 60 == 0 ? "" : minutes % 60 + "m");
    }
    if (hours < 48) {
      return hours + "h";
    }
    long days = hours / 24;
    return days < 8 ? days + "d" + (hours % 24 == 0 ? "" : hours % 24 + "h") : days + "d";
  }
}
