package io.kubelauncher.testkit.cluster;

import java.time.Duration;
import tools.jackson.databind.JsonNode;

/**
 * The scenarios over HTTP, for a cluster running as its own process:
 * {@code POST /simulated-cluster/scenarios/<name>} with the arguments as a JSON object, e.g.
 * {@code fail-image-pulls {"image":"bad:1"}}, {@code deny {"verb":"create","resource":"jobs"}},
 * {@code fail-requests {"fraction":0.2}}, {@code drop-watches {"seconds":5}},
 * {@code latency {"millis":200}}, {@code delay-scheduling {"millis":2000}},
 * {@code expire-resource-versions}, {@code restart-api-server}, {@code reset}.
 */
final class ScenarioCommand {
  private ScenarioCommand() {
  }

  static void apply(Scenarios scenarios, String name, JsonNode arguments) {
    switch (name) {
      case "fail-image-pulls" -> scenarios.failImagePulls(text(arguments, "image", name));
      case "allow-image-pulls" -> scenarios.allowImagePulls(text(arguments, "image", name));
      case "deny" -> scenarios.deny(text(arguments, "verb", name), text(arguments, "resource", name));
      case "fail-requests" -> scenarios.failRequests(number(arguments, "fraction", name));
      case "drop-watches" -> scenarios.dropWatchesEvery(Duration.ofMillis((long) (number(arguments, "seconds", name) * 1000)));
      case "latency" -> scenarios.addLatency(Duration.ofMillis((long) number(arguments, "millis", name)));
      case "delay-scheduling" -> scenarios.delayScheduling(Duration.ofMillis((long) number(arguments, "millis", name)));
      case "expire-resource-versions" -> scenarios.expireResourceVersions();
      // after this response is written: the restart cuts every connection, this one included
      case "restart-api-server" -> new Thread(scenarios::restartApiServer, "simulated-cluster-restart").start();
      case "reset" -> scenarios.reset();
      default -> throw ApiException.badRequest("unknown scenario \"" + name + "\"; known: fail-image-pulls, allow-image-pulls, deny, "
          + "fail-requests, drop-watches, latency, delay-scheduling, expire-resource-versions, restart-api-server, reset");
    }
  }

  private static String text(JsonNode arguments, String field, String scenario) {
    JsonNode value = arguments.path(field);
    if (!value.isString() || value.asString("").isEmpty()) {
      throw ApiException.badRequest("scenario " + scenario + " needs a string \"" + field + "\" argument");
    }
    return value.asString("");
  }

  private static double number(JsonNode arguments, String field, String scenario) {
    JsonNode value = arguments.path(field);
    if (!value.isNumber()) {
      throw ApiException.badRequest("scenario " + scenario + " needs a number \"" + field + "\" argument");
    }
    return value.asDouble();
  }
}
