package io.kubelauncher.testkit.cluster;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * DELETE with {@code propagationPolicy} and grace periods, and the garbage collector that follows
 * ownerReferences: Background deletes dependents after the owner, Foreground before it (the owner
 * waits with a {@code foregroundDeletion} finalizer), Orphan strips the dependents' ownerReferences.
 * Running pods are deleted gracefully: they get a deletionTimestamp and the kubelet removes them
 * once their processes are gone.
 */
final class Deletion implements ObjectStore.Listener {

  static final String FOREGROUND_FINALIZER = "foregroundDeletion";
  private static final List<ResourceKind> DEPENDENT_KINDS = List.of(ResourceKind.PODS, ResourceKind.SERVICES, ResourceKind.SECRETS,
      ResourceKind.JOBS);

  enum Propagation { BACKGROUND, FOREGROUND, ORPHAN }

  record Options(Propagation propagation, Long gracePeriodSeconds, String preconditionUid, String preconditionResourceVersion) {
    static Options defaults() {
      return new Options(null, null, null, null);
    }

    static Options parse(JsonNode body, String propagationParam, String graceParam) {
      String policy = propagationParam != null ? propagationParam : body.path("propagationPolicy").asString("");
      Propagation propagation = switch (policy) {
        case "" -> body.path("orphanDependents").asBoolean(false) ? Propagation.ORPHAN : null;
        case "Background" -> Propagation.BACKGROUND;
        case "Foreground" -> Propagation.FOREGROUND;
        case "Orphan" -> Propagation.ORPHAN;
        default -> throw ApiException.badRequest("propagationPolicy: Unsupported value: \"" + policy
            + "\": supported values: \"Background\", \"Foreground\", \"Orphan\"");
      };
      Long grace = null;
      if (graceParam != null) {
        try {
          grace = Long.parseLong(graceParam);
        } catch (NumberFormatException e) {
          throw ApiException.badRequest("gracePeriodSeconds: invalid value \"" + graceParam + "\"");
        }
      } else if (body.path("gracePeriodSeconds").isIntegralNumber()) {
        grace = body.path("gracePeriodSeconds").asLong();
      }
      JsonNode preconditions = body.path("preconditions");
      return new Options(propagation, grace,
          preconditions.path("uid").asString(null), preconditions.path("resourceVersion").asString(null));
    }
  }

  private final ObjectStore store;
  private final Clock clock;

  Deletion(ObjectStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** Deletes an object; returns it as last stored (with a deletionTimestamp when the deletion is graceful). */
  ObjectNode delete(ResourceKind kind, String namespace, String name, Options options) {
    ObjectNode current = store.getOrThrow(kind, namespace, name);
    JsonNode metadata = current.path("metadata");
    if (options.preconditionUid() != null && !options.preconditionUid().equals(metadata.path("uid").asString(""))) {
      throw new ApiException(409, "Conflict", "Precondition failed: UID in precondition: " + options.preconditionUid()
          + ", UID in object meta: " + metadata.path("uid").asString(""));
    }
    if (options.preconditionResourceVersion() != null
        && !options.preconditionResourceVersion().equals(metadata.path("resourceVersion").asString(""))) {
      throw ApiException.conflict(kind, name);
    }
    Propagation propagation = options.propagation() != null ? options.propagation()
        // batch/v1 Jobs keep the old REST default of orphaning their pods
        : kind == ResourceKind.JOBS ? Propagation.ORPHAN : Propagation.BACKGROUND;
    String uid = metadata.path("uid").asString("");
    switch (propagation) {
      case ORPHAN -> {
        orphanDependents(namespace, uid);
        return finish(kind, namespace, name, current, options);
      }
      case FOREGROUND -> {
        if (dependents(namespace, uid).isEmpty()) {
          return finish(kind, namespace, name, current, options);
        }
        ObjectNode marked = store.update(kind, namespace, name, object -> {
          ObjectNode meta = ObjectStore.metadata(object);
          meta.remove("resourceVersion");
          meta.put("deletionTimestamp", ObjectStore.timestamp(clock.instant()));
          meta.put("deletionGracePeriodSeconds", 0);
          ArrayNode finalizers = meta.withArrayProperty("finalizers");
          if (!containsText(finalizers, FOREGROUND_FINALIZER)) {
            finalizers.add(FOREGROUND_FINALIZER);
          }
          return object;
        });
        deleteDependents(namespace, uid);
        return marked;
      }
      default -> {
        ObjectNode result = finish(kind, namespace, name, current, options);
        deleteDependents(namespace, uid);
        return result;
      }
    }
  }

  private ObjectNode finish(ResourceKind kind, String namespace, String name, ObjectNode current, Options options) {
    if (kind == ResourceKind.PODS && runsOnANode(current)) {
      long grace = options.gracePeriodSeconds() != null ? options.gracePeriodSeconds()
          : current.path("spec").path("terminationGracePeriodSeconds").asLong(30);
      if (grace > 0) {
        if (current.path("metadata").has("deletionTimestamp")) {
          return current;
        }
        return store.update(kind, namespace, name, object -> {
          ObjectNode meta = ObjectStore.metadata(object);
          meta.remove("resourceVersion");
          meta.put("deletionTimestamp", ObjectStore.timestamp(clock.instant().plusSeconds(grace)));
          meta.put("deletionGracePeriodSeconds", grace);
          return object;
        });
      }
    }
    return store.remove(kind, namespace, name).orElseThrow(() -> ApiException.notFound(kind, name));
  }

  /** A pod whose containers may still run: bound to a node and not finished. */
  private static boolean runsOnANode(JsonNode pod) {
    String phase = pod.path("status").path("phase").asString("");
    return !pod.path("spec").path("nodeName").asString("").isEmpty() && !phase.equals("Succeeded") && !phase.equals("Failed");
  }

  private void orphanDependents(String namespace, String ownerUid) {
    for (Map.Entry<ResourceKind, ObjectNode> dependent : dependents(namespace, ownerUid)) {
      String name = dependent.getValue().path("metadata").path("name").asString("");
      try {
        store.update(dependent.getKey(), namespace, name, object -> {
          ObjectNode meta = ObjectStore.metadata(object);
          meta.remove("resourceVersion");
          ArrayNode kept = Json.array();
          for (JsonNode reference : meta.path("ownerReferences")) {
            if (!ownerUid.equals(reference.path("uid").asString(""))) {
              kept.add(reference);
            }
          }
          if (kept.isEmpty()) {
            meta.remove("ownerReferences");
          } else {
            meta.set("ownerReferences", kept);
          }
          return object;
        });
      } catch (ApiException gone) {
        // deleted meanwhile: nothing left to orphan
      }
    }
  }

  private void deleteDependents(String namespace, String ownerUid) {
    for (Map.Entry<ResourceKind, ObjectNode> dependent : dependents(namespace, ownerUid)) {
      try {
        delete(dependent.getKey(), namespace, dependent.getValue().path("metadata").path("name").asString(""),
            new Options(Propagation.BACKGROUND, null, null, null));
      } catch (ApiException gone) {
        // deleted meanwhile
      }
    }
  }

  private List<Map.Entry<ResourceKind, ObjectNode>> dependents(String namespace, String ownerUid) {
    return DEPENDENT_KINDS.stream()
        .flatMap(kind -> store.select(kind, namespace, o -> ownedBy(o, ownerUid)).stream().map(o -> Map.entry(kind, o)))
        .toList();
  }

  static boolean ownedBy(JsonNode object, String ownerUid) {
    for (JsonNode reference : object.path("metadata").path("ownerReferences")) {
      if (ownerUid.equals(reference.path("uid").asString(""))) {
        return true;
      }
    }
    return false;
  }

  private static boolean containsText(JsonNode array, String text) {
    for (JsonNode element : array) {
      if (text.equals(element.asString(""))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Finishes foreground deletions: when the last dependent of an owner waiting with the
   * {@code foregroundDeletion} finalizer is gone, the owner goes too. Runs on the controller thread.
   */
  @Override
  public void onChange(ObjectStore.Change change) {
    if (change.type() != ObjectStore.ChangeType.DELETED) {
      return;
    }
    for (JsonNode reference : change.object().path("metadata").path("ownerReferences")) {
      String ownerUid = reference.path("uid").asString("");
      ResourceKind ownerKind = "Job".equals(reference.path("kind").asString("")) ? ResourceKind.JOBS : null;
      if (ownerKind == null) {
        continue;
      }
      String namespace = change.namespace();
      store.get(ownerKind, namespace, reference.path("name").asString("")).ifPresent(owner -> {
        boolean waiting = containsText(owner.path("metadata").path("finalizers"), FOREGROUND_FINALIZER);
        if (waiting && ownerUid.equals(owner.path("metadata").path("uid").asString("")) && dependents(namespace, ownerUid).isEmpty()) {
          store.remove(ownerKind, namespace, owner.path("metadata").path("name").asString(""));
        }
      });
    }
  }
}
