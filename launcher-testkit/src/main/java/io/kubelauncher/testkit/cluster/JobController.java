package io.kubelauncher.testkit.cluster;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Job controller: creates a Job's pods from its template (name {@code <job>-xxxxx}, the
 * template's labels and annotations, an owner reference to the Job), counts them as they end,
 * replaces failed ones up to {@code backoffLimit}, and writes the Job's status: active, ready,
 * succeeded, failed, startTime, completionTime and the Complete / Failed conditions. Runs on the
 * controller thread.
 */
final class JobController {

  private final ObjectStore store;
  private final Deletion deletion;
  private final Admission admission;
  private final EventRecorder events;
  private final ScheduledExecutorService controller;
  private final Clock clock;
  /** Each job's pods by name, by job uid: kept from pod changes so that a sync needs no scan. */
  private final Map<String, Map<String, ObjectNode>> podsByJob = new HashMap<>();
  /** Pods already counted as succeeded or failed, by job uid (the job-tracking finalizer's role). */
  private final Map<String, Set<String>> succeeded = new HashMap<>();
  private final Map<String, Set<String>> failed = new HashMap<>();

  JobController(ObjectStore store, Deletion deletion, Admission admission, EventRecorder events,
                ScheduledExecutorService controller, Clock clock) {
    this.store = store;
    this.deletion = deletion;
    this.admission = admission;
    this.events = events;
    this.controller = controller;
    this.clock = clock;
  }

  void jobChanged(ObjectNode job) {
    sync(job.path("metadata").path("namespace").asString(""), job.path("metadata").path("name").asString(""));
  }

  void jobRemoved(JsonNode job) {
    String uid = job.path("metadata").path("uid").asString("");
    podsByJob.remove(uid);
    succeeded.remove(uid);
    failed.remove(uid);
  }

  void podChanged(ObjectNode pod, boolean removed) {
    JsonNode owner = controllerOf(pod);
    if (owner == null) {
      return;
    }
    String uid = owner.path("uid").asString("");
    String name = pod.path("metadata").path("name").asString("");
    if (removed) {
      Map<String, ObjectNode> pods = podsByJob.get(uid);
      if (pods != null) {
        pods.remove(name);
      }
    } else {
      podsByJob.computeIfAbsent(uid, u -> new LinkedHashMap<>()).put(name, pod);
    }
    sync(pod.path("metadata").path("namespace").asString(""), owner.path("name").asString(""));
  }

  private void sync(String namespace, String name) {
    ObjectNode job = store.get(ResourceKind.JOBS, namespace, name).orElse(null);
    if (job == null || job.path("metadata").has("deletionTimestamp")) {
      return;
    }
    JsonNode status = job.path("status");
    if (Conditions.isTrue(status, "Complete") || Conditions.isTrue(status, "Failed")) {
      return;
    }
    String uid = job.path("metadata").path("uid").asString("");
    JsonNode spec = job.path("spec");
    Map<String, ObjectNode> pods = podsByJob.computeIfAbsent(uid, u -> new LinkedHashMap<>());
    Set<String> succeededPods = succeeded.computeIfAbsent(uid, u -> new HashSet<>());
    Set<String> failedPods = failed.computeIfAbsent(uid, u -> new HashSet<>());
    int active = 0;
    int ready = 0;
    int terminating = 0;
    for (ObjectNode pod : pods.values()) {
      String phase = pod.path("status").path("phase").asString("");
      String podUid = pod.path("metadata").path("uid").asString("");
      if (phase.equals("Succeeded")) {
        succeededPods.add(podUid);
      } else if (phase.equals("Failed")) {
        failedPods.add(podUid);
      } else if (pod.path("metadata").has("deletionTimestamp")) {
        terminating++;
      } else {
        active++;
        if (Conditions.isTrue(pod.path("status"), "Ready")) {
          ready++;
        }
      }
    }
    int completions = spec.path("completions").asInt(1);
    int parallelism = spec.path("parallelism").asInt(1);
    int backoffLimit = spec.path("backoffLimit").asInt(6);
    boolean suspended = spec.path("suspend").asBoolean(false);
    Instant now = clock.instant();
    String startTime = status.path("startTime").asString(suspended ? null : ObjectStore.timestamp(now));
    String finished = null;
    String reason = null;
    String message = null;
    long deadline = spec.path("activeDeadlineSeconds").asLong(0);
    if (failedPods.size() > backoffLimit) {
      finished = "Failed";
      reason = "BackoffLimitExceeded";
      message = "Job has reached the specified backoff limit";
    } else if (deadline > 0 && startTime != null && !Instant.parse(startTime).plusSeconds(deadline).isAfter(now)) {
      finished = "Failed";
      reason = "DeadlineExceeded";
      message = "Job was active longer than specified deadline";
    } else if (succeededPods.size() >= completions) {
      finished = "Complete";
    }
    if ("Failed".equals(finished)) {
      for (ObjectNode pod : pods.values()) {
        String phase = pod.path("status").path("phase").asString("");
        if (!phase.equals("Succeeded") && !phase.equals("Failed") && !pod.path("metadata").has("deletionTimestamp")) {
          deleteQuietly(pod);
        }
      }
      active = 0;
      ready = 0;
      events.record(job, EventRecorder.Type.Warning, reason, message, "job-controller", null);
    } else if (finished == null && !suspended) {
      int wanted = Math.min(parallelism, completions - succeededPods.size()) - active - terminating;
      for (int i = 0; i < wanted; i++) {
        createPod(job);
        active++;
      }
      if (deadline > 0 && startTime != null) {
        long delay = Instant.parse(startTime).plusSeconds(deadline).toEpochMilli() - now.toEpochMilli();
        controller.schedule(() -> sync(namespace, name), Math.max(0, delay) + 1, TimeUnit.MILLISECONDS);
      }
    } else if ("Complete".equals(finished)) {
      events.record(job, EventRecorder.Type.Normal, "Completed", "Job completed", "job-controller", null);
    }
    writeStatus(job, startTime, active, ready, terminating, succeededPods.size(), failedPods.size(), finished, reason, message, now);
  }

  private void writeStatus(ObjectNode job, String startTime, int active, int ready, int terminating, int succeededCount, int failedCount,
                           String finished, String reason, String message, Instant now) {
    String namespace = job.path("metadata").path("namespace").asString("");
    store.update(ResourceKind.JOBS, namespace, job.path("metadata").path("name").asString(""), object -> {
      ObjectStore.metadata(object).remove("resourceVersion");
      ObjectNode status = object.withObjectProperty("status");
      if (startTime != null) {
        status.put("startTime", startTime);
      }
      putCount(status, "active", active);
      status.put("ready", ready);
      putCount(status, "succeeded", succeededCount);
      putCount(status, "failed", failedCount);
      status.put("terminating", terminating);
      status.putObject("uncountedTerminatedPods");
      if ("Complete".equals(finished)) {
        Conditions.set(status, "SuccessCriteriaMet", "True", "CompletionsReached", "Reached expected number of succeeded pods", clock);
        Conditions.set(status, "Complete", "True", "CompletionsReached", "Reached expected number of succeeded pods", clock);
        status.put("completionTime", ObjectStore.timestamp(now));
      } else if ("Failed".equals(finished)) {
        Conditions.set(status, "FailureTarget", "True", reason, message, clock);
        Conditions.set(status, "Failed", "True", reason, message, clock);
      }
      return object;
    });
  }

  private static void putCount(ObjectNode status, String field, int value) {
    // the real controller omits zero counts
    if (value > 0) {
      status.put(field, value);
    } else {
      status.remove(field);
    }
  }

  private void createPod(ObjectNode job) {
    JsonNode metadata = job.path("metadata");
    String namespace = metadata.path("namespace").asString("");
    JsonNode template = job.path("spec").path("template");
    ObjectNode pod = Json.object();
    ObjectNode podMetadata = pod.putObject("metadata");
    podMetadata.put("generateName", metadata.path("name").asString("") + "-");
    podMetadata.put("namespace", namespace);
    if (template.path("metadata").has("labels")) {
      podMetadata.set("labels", template.path("metadata").path("labels").deepCopy());
    }
    if (template.path("metadata").has("annotations")) {
      podMetadata.set("annotations", template.path("metadata").path("annotations").deepCopy());
    }
    podMetadata.putArray("ownerReferences").addObject()
        .put("apiVersion", "batch/v1").put("kind", "Job").put("name", metadata.path("name").asString(""))
        .put("uid", metadata.path("uid").asString("")).put("controller", true).put("blockOwnerDeletion", true);
    pod.set("spec", template.path("spec").deepCopy());
    try {
      ObjectNode created = store.create(ResourceKind.PODS, namespace, pod, object -> admission.admit(ResourceKind.PODS, object));
      // counted at once, so that a sync running before the pod's ADDED event arrives does not create another
      podsByJob.computeIfAbsent(metadata.path("uid").asString(""), u -> new LinkedHashMap<>())
          .put(created.path("metadata").path("name").asString(""), created);
      events.record(job, EventRecorder.Type.Normal, "SuccessfulCreate", "Created pod: " + created.path("metadata").path("name").asString(""),
          "job-controller", null);
    } catch (ApiException e) {
      events.record(job, EventRecorder.Type.Warning, "FailedCreate", "Error creating: " + e.getMessage(), "job-controller", null);
    }
  }

  private void deleteQuietly(JsonNode pod) {
    try {
      deletion.delete(ResourceKind.PODS, pod.path("metadata").path("namespace").asString(""), pod.path("metadata").path("name").asString(""),
          Deletion.Options.defaults());
    } catch (ApiException gone) {
      // already gone
    }
  }

  private static JsonNode controllerOf(JsonNode pod) {
    for (JsonNode reference : pod.path("metadata").path("ownerReferences")) {
      if ("Job".equals(reference.path("kind").asString("")) && reference.path("controller").asBoolean(false)) {
        return reference;
      }
    }
    return null;
  }
}
