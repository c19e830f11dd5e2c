package io.kubelauncher.benchmarks;

import io.kubelauncher.testkit.cluster.SimulatedCluster;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Seeds a cluster with jobs cloned from a {@link Specimen}, straight into its store
 * ({@link SimulatedCluster#preload}) rather than by running them: 10,000 jobs in seconds. Each clone
 * gets its own name, uids and user, and its timestamps moved back in time, so that the plugin finds
 * what it would find after a busy day.
 */
final class JobHistory {

    /** What state a seeded job is in. */
    enum Shape {
        /** Ran and exited 0, as the specimen did. */
        FINISHED,
        /** Pending for ever: its pod names a scheduler that does not exist, so nothing binds or runs it. */
        HELD
    }

    /** A seeded job: its launcher id (the Job's name), its user and its pod. */
    record SeededJob(String id, String user, String podName) {
    }

    static final String HOLDING_SCHEDULER = "benchmark-hold";
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");

    private final SimulatedCluster cluster;
    private final Specimen specimen;
    private final JsonMapper mapper = JsonMapper.builder().build();
    private final String jobJson;
    private final String podJson;
    private final List<String> eventJson;
    private final String jobUid;
    private final String podUid;

    JobHistory(SimulatedCluster cluster, Specimen specimen) {
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.specimen = Objects.requireNonNull(specimen, "specimen");
        this.jobJson = mapper.writeValueAsString(withoutServerFields(specimen.job()));
        this.podJson = mapper.writeValueAsString(withoutServerFields(specimen.pod()));
        this.eventJson = specimen.events().stream().map(e -> mapper.writeValueAsString(withoutServerFields(e))).toList();
        this.jobUid = specimen.job().path("metadata").path("uid").asString("");
        this.podUid = specimen.pod().path("metadata").path("uid").asString("");
    }

    /**
     * Stores one clone of the specimen: job number {@code index}, belonging to {@code user}, its
     * timestamps moved back by {@code age}; with its Events if {@code withEvents}.
     */
    SeededJob seed(int index, String user, Shape shape, Duration age, boolean withEvents) {
        String name = specimen.jobName() + "-" + index;
        Map<String, String> renames = Map.of(specimen.jobName(), name, jobUid, UUID.randomUUID().toString(),
                podUid, UUID.randomUUID().toString(), specimen.user(), user);
        ObjectNode pod = clone(podJson, renames, age);
        ObjectNode job = clone(jobJson, renames, age);
        if (shape == Shape.HELD) {
            hold(job, pod);
        }
        // the pod first: the Job controller then counts it and makes no other
        cluster.preload(pod);
        cluster.preload(job);
        if (withEvents && shape == Shape.FINISHED) {
            for (String event : eventJson) {
                cluster.preload(clone(event, renames, age));
            }
        }
        return new SeededJob(name, user, pod.path("metadata").path("name").asString(""));
    }

    private ObjectNode clone(String json, Map<String, String> renames, Duration age) {
        String text = json;
        for (Map.Entry<String, String> rename : renames.entrySet()) {
            text = text.replace(rename.getKey(), rename.getValue());
        }
        ObjectNode object = (ObjectNode) mapper.readTree(text);
        shiftTimestamps(object, age);
        return object;
    }

    /** Turns a finished clone into a job whose pod waits, unscheduled, for a scheduler that never comes. */
    private static void hold(ObjectNode job, ObjectNode pod) {
        ObjectNode jobStatus = job.putObject("status");
        jobStatus.put("active", 1).put("ready", 0).put("terminating", 0).putObject("uncountedTerminatedPods");
        ObjectNode spec = (ObjectNode) pod.get("spec");
        spec.remove("nodeName");
        spec.put("schedulerName", HOLDING_SCHEDULER);
        String qos = pod.path("status").path("qosClass").asString("BestEffort");
        pod.putObject("status").put("phase", "Pending").put("qosClass", qos);
    }

    private static ObjectNode withoutServerFields(ObjectNode object) {
        ObjectNode copy = object.deepCopy();
        if (copy.get("metadata") instanceof ObjectNode metadata) {
            metadata.remove(List.of("resourceVersion", "managedFields", "generation"));
        }
        return copy;
    }

    /** Moves every RFC 3339 timestamp in the tree back by {@code age}, to whole seconds as Kubernetes writes them. */
    static void shiftTimestamps(JsonNode node, Duration age) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.properties().forEach(e -> names.add(e.getKey()));
            for (String name : names) {
                JsonNode value = object.get(name);
                if (value.isString() && TIMESTAMP.matcher(value.asString()).matches()) {
                    object.set(name, StringNode.valueOf(shifted(value.asString(), age)));
                } else {
                    shiftTimestamps(value, age);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode value = array.get(i);
                if (value.isString() && TIMESTAMP.matcher(value.asString()).matches()) {
                    array.set(i, StringNode.valueOf(shifted(value.asString(), age)));
                } else {
                    shiftTimestamps(value, age);
                }
            }
        }
    }

    private static String shifted(String timestamp, Duration age) {
        try {
            return Instant.parse(timestamp).minus(age).truncatedTo(ChronoUnit.SECONDS).toString();
        } catch (DateTimeParseException e) {
            return timestamp;
        }
    }
}
