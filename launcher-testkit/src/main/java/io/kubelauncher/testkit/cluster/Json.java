package io.kubelauncher.testkit.cluster;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The one JSON mapper of the simulated cluster (thread-safe, configuration-free). */
final class Json {
  static final JsonMapper MAPPER = JsonMapper.builder().build();

  private Json() {
  }

  static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  static ArrayNode array() {
    return JsonNodeFactory.instance.arrayNode();
  }
}
