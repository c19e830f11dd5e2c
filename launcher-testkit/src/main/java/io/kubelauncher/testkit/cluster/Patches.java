package io.kubelauncher.testkit.cluster;

import io.fabric8.zjsonpatch.JsonPatch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The three PATCH formats a Kubernetes API server accepts, chosen by the request's Content-Type. */
final class Patches {

  private Patches() {
  }

  static ObjectNode apply(String contentType, ObjectNode current, JsonNode patch) {
    String type = contentType == null ? "" : contentType.split(";")[0].trim();
    JsonNode result = switch (type) {
      case "application/merge-patch+json" -> mergePatch(current, patch);
      case "application/strategic-merge-patch+json" -> strategicMergePatch(current, patch);
      case "application/json-patch+json" -> jsonPatch(current, patch);
      default -> throw new ApiException(415, "UnsupportedMediaType", "the body of the request was in an unknown format - accepted media types include:"
          + " application/json-patch+json, application/merge-patch+json, application/strategic-merge-patch+json");
    };
    if (!(result instanceof ObjectNode object)) {
      throw ApiException.badRequest("the patch did not produce an object");
    }
    return object;
  }

  /** RFC 7386: objects merge recursively, {@code null} removes a key, anything else replaces. */
  static JsonNode mergePatch(JsonNode target, JsonNode patch) {
    if (!patch.isObject()) {
      return patch.deepCopy();
    }
    ObjectNode result = target.isObject() ? (ObjectNode) target.deepCopy() : Json.object();
    for (Map.Entry<String, JsonNode> entry : patch.properties()) {
      if (entry.getValue().isNull()) {
        result.remove(entry.getKey());
      } else {
        result.set(entry.getKey(), mergePatch(result.path(entry.getKey()), entry.getValue()));
      }
    }
    return result;
  }

  /**
   * Strategic merge for the cases clients send: like a merge patch, except that lists of objects
   * keyed by {@code name} (containers, env, volumes, ports) merge element by element.
   */
  static JsonNode strategicMergePatch(JsonNode target, JsonNode patch) {
    if (patch.isArray() && target.isArray() && keyedByName(patch) && keyedByName(target)) {
      Map<String, JsonNode> merged = new LinkedHashMap<>();
      for (JsonNode element : target) {
        merged.put(element.path("name").asString(""), element);
      }
      for (JsonNode element : patch) {
        String name = element.path("name").asString("");
        if ("delete".equals(element.path("$patch").asString(""))) {
          merged.remove(name);
        } else {
          merged.put(name, strategicMergePatch(merged.getOrDefault(name, Json.object()), element));
        }
      }
      ArrayNode result = Json.array();
      merged.values().forEach(result::add);
      return result;
    }
    if (!patch.isObject()) {
      return patch.deepCopy();
    }
    ObjectNode result = target.isObject() ? (ObjectNode) target.deepCopy() : Json.object();
    List<String> keys = new ArrayList<>(patch.propertyNames());
    for (String key : keys) {
      JsonNode value = patch.get(key);
      if (value.isNull()) {
        result.remove(key);
      } else if (!key.startsWith("$")) {
        result.set(key, strategicMergePatch(result.path(key), value));
      }
    }
    return result;
  }

  private static boolean keyedByName(JsonNode array) {
    for (JsonNode element : array) {
      if (!element.isObject() || !element.path("name").isString()) {
        return false;
      }
    }
    return true;
  }

  private static JsonNode jsonPatch(ObjectNode current, JsonNode patch) {
    try {
      return JsonPatch.apply(patch, current);
    } catch (RuntimeException e) {
      throw new ApiException(422, "Invalid", "the server rejected our request due to an error in our request: " + e.getMessage());
    }
  }
}
