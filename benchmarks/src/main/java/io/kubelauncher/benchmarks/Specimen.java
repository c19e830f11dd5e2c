package io.kubelauncher.benchmarks;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.kubelauncher.testkit.client.ClientStream;
import io.kubelauncher.testkit.client.LauncherClient;
import io.kubelauncher.testkit.client.Message;
import io.kubelauncher.testkit.cluster.SimulatedCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Kubernetes objects of one finished job exactly as the plugin wrote them and the cluster
 * completed them: the Job, its pod and the Events about both. {@link JobHistory} clones it into
 * thousands of jobs, so that the seeded history is what the plugin itself would have left behind.
 */
record Specimen(String jobName, String user, ObjectNode job, ObjectNode pod, List<ObjectNode> events) {

    static final String USER = "specimen-user";
    private static final Duration WAIT = Duration.ofSeconds(60);

    Specimen {
        Objects.requireNonNull(jobName, "jobName");
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(pod, "pod");
        events = List.copyOf(events);
    }

    /** Submits one batch job through a plugin process, waits until it is Finished, and reads its objects. */
    static Specimen capture(BenchEnvironment env, SimulatedCluster cluster, List<String> settings) {
        Path dir = env.newDirectory("specimen");
        String id;
        try (PluginProcess plugin = PluginProcess.start(env, cluster, dir, settings)) {
            plugin.bootstrap();
            LauncherClient launcher = plugin.client();
            ClientStream statuses = launcher.statusStream(USER, "*");
            ObjectNode request = launcher.objectNode();
            request.put("name", "Benchmark History").put("command", "echo").putArray("args").add("from the specimen job");
            request.putArray("tags").add("benchmark").add("history");
            id = plugin.submit(USER, request);
            while (true) {
                Message status = statuses.expectNext(WAIT);
                if (status.get("id").asString().equals(id) && status.get("status").asString().equals("Finished")) {
                    break;
                }
            }
            statuses.cancel();
        }
        return read(cluster.client(), id);
    }

    private static Specimen read(KubernetesClient client, String jobName) {
        KubernetesSerialization serialization = client.getKubernetesSerialization();
        JsonMapper mapper = JsonMapper.builder().build();
        var job = client.batch().v1().jobs().withName(jobName).require();
        var pods = client.pods().withLabel("job-name", jobName).list().getItems();
        if (pods.size() != 1) {
            throw new IllegalStateException("the specimen job " + jobName + " has " + pods.size() + " pods, expected 1");
        }
        var pod = pods.get(0);
        List<ObjectNode> events = new ArrayList<>();
        for (var event : client.v1().events().list().getItems()) {
            String about = event.getInvolvedObject().getName();
            if (about.equals(jobName) || about.equals(pod.getMetadata().getName())) {
                events.add(toNode(mapper, serialization, event));
            }
        }
        return new Specimen(jobName, USER, toNode(mapper, serialization, job), toNode(mapper, serialization, pod), events);
    }

    private static ObjectNode toNode(JsonMapper mapper, KubernetesSerialization serialization, HasMetadata object) {
        return (ObjectNode) mapper.readTree(serialization.asJson(object));
    }
}
