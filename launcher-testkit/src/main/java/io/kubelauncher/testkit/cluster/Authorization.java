package io.kubelauncher.testkit.cluster;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The simulated RBAC: the cluster's one service account may do everything, except what a
 * {@link Scenarios#deny(String, String)} took away.
 */
final class Authorization {
  private final Scenarios scenarios;

  Authorization(Scenarios scenarios) {
    this.scenarios = scenarios;
  }

  /** Answers a SelfSubjectAccessReview: allowed unless a scenario denies the verb on the resource. */
  ObjectNode review(JsonNode review) {
    JsonNode attributes = review.path("spec").path("resourceAttributes");
    String resource = attributes.path("resource").asString("");
    String subresource = attributes.path("subresource").asString("");
    String verb = attributes.path("verb").asString("");
    boolean denied = scenarios.denied(verb, subresource.isEmpty() ? resource : resource + "/" + subresource);
    ObjectNode result = (ObjectNode) review.deepCopy();
    result.put("kind", "SelfSubjectAccessReview").put("apiVersion", "authorization.k8s.io/v1");
    ObjectStore.metadata(result).put("creationTimestamp", (String) null);
    ObjectNode status = result.putObject("status").put("allowed", !denied);
    if (denied) {
      status.put("reason", "denied by SimulatedCluster scenario deny(\"" + verb + "\", \"" + resource + "\")");
    } else {
      status.put("reason", "RBAC: allowed by the simulated cluster's service account role");
    }
    return result;
  }

  /** Throws 403 Forbidden, worded as RBAC words it, when a scenario denies the verb on the resource. */
  void check(String verb, ResourceKind kind, String resource, String namespace, String name) {
    if (scenarios.denied(verb, resource)) {
      String qualified = kind.group().isEmpty() ? resource : resource.replaceFirst("^([^/]+)", "$1." + kind.group());
      throw new ApiException(403, "Forbidden", qualified + (name == null ? "" : " \"" + name + "\"")
          + " is forbidden: User \"system:serviceaccount:" + (namespace == null ? "default" : namespace)
          + ":launcher\" cannot " + verb + " resource \"" + resource + "\" in API group \"" + kind.group() + "\""
          + (namespace == null ? " at the cluster scope" : " in the namespace \"" + namespace + "\""));
    }
  }
}
