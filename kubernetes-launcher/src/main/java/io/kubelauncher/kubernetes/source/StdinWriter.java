package io.kubelauncher.kubernetes.source;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.ExecWatch;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.kubelauncher.kubernetes.cache.ClusterCache;
import io.kubelauncher.kubernetes.cache.JobChangeListener;
import io.kubelauncher.kubernetes.translate.JobObjects;
import io.kubelauncher.kubernetes.translate.LauncherKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * Feeds a job's stdin to its container once the container runs (the templates start it with
 * {@code stdin: true, stdinOnce: true}, so the attach that closes stdin delivers it), exactly once
 * across every plugin instance and restart. Any instance that sees the container running may
 * deliver it: first it claims the job by writing {@link LauncherKeys#STDIN_CLAIMED} on the Job with
 * the resourceVersion it read as a precondition, and only the instance whose write succeeds
 * attaches. The others get 409 Conflict, and see the claim in their cache on the next change.
 *
 * <p>The text is the one this instance was given on submit, else the pod template's {@code stdin}
 * annotation, else (with {@code stdin-annotation=0}) the job's {@link StdinSecrets Secret}, read before
 * claiming and deleted after the write. Only jobs this plugin submitted (with {@link LauncherKeys#SUBMITTED}) are fed: a job
 * of the vendor's plugin had its stdin delivered by it. An instance that dies between its claim and
 * its write loses the stdin: at most once is the promise, a duplicate could run a session twice.
 */
final class StdinWriter implements JobChangeListener {

    private static final Logger log = LoggerFactory.getLogger(StdinWriter.class);

    private final KubernetesClient client;
    private final ClusterCache cache;
    private final String namespace;
    private final Executor executor;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final StdinSecrets secrets;
    /** Stdin of the jobs this instance submitted or read from their Secret, until delivered (by any instance). */
    private final Map<String, String> submitted = new ConcurrentHashMap<>();
    /** Jobs with a claim under way here, so that concurrent changes do not send a second one. */
    private final Set<String> claiming = ConcurrentHashMap.newKeySet();
    /** The resourceVersion a claim lost to, per job: the next attempt waits for a newer Job. */
    private final Map<String, String> lostAt = new ConcurrentHashMap<>();

    StdinWriter(KubernetesClient client, ClusterCache cache, String namespace, Executor executor, ObjectMapper mapper, Clock clock,
                StdinSecrets secrets) {
        this.client = Objects.requireNonNull(client, "client");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.namespace = Objects.requireNonNull(namespace, "namespace");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
    }

    void expect(String jobName, String stdin) {
        if (stdin != null && !stdin.isEmpty()) {
            submitted.put(jobName, stdin);
            jobChanged(jobName, false);
        }
    }

    @Override
    public void jobChanged(String jobName, boolean removed) {
        if (removed) {
            submitted.remove(jobName);
            lostAt.remove(jobName);
            return;
        }
        Optional<JobObjects> objects = cache.objects(jobName);
        if (objects.isEmpty()) {
            return;
        }
        Job job = objects.get().job();
        Map<String, String> annotations = annotations(job);
        if (annotations.containsKey(LauncherKeys.STDIN_CLAIMED)) {
            submitted.remove(jobName);
            lostAt.remove(jobName);
            return;
        }
        if (!annotations.containsKey(LauncherKeys.SUBMITTED) || job.getMetadata().getResourceVersion().equals(lostAt.get(jobName))) {
            return;
        }
        String known = submitted.getOrDefault(jobName, templateStdin(job));
        boolean inSecret = StdinSecrets.holds(job);
        if (known.isEmpty() && !inSecret) {
            return;
        }
        Optional<String> pod = runningPod(objects.get()).map(p -> p.getMetadata().getName());
        if (pod.isEmpty() || !claiming.add(jobName)) {
            return;
        }
        String container = objects.get().mainContainerName();
        executor.execute(() -> {
            boolean lost = false;
            try {
                // read before claiming: a claim without the text would lose the stdin
                Optional<String> stdin = known.isEmpty() ? secrets.read(jobName) : Optional.of(known);
                if (stdin.isPresent()) {
                    submitted.putIfAbsent(jobName, stdin.get()); // a lost claim's retry needs no second read
                    lost = !claim(job);
                    if (!lost) {
                        submitted.remove(jobName);
                        write(pod.get(), container, stdin.get());
                        if (inSecret) {
                            secrets.delete(jobName);
                        }
                    }
                }
            } finally {
                claiming.remove(jobName);
            }
            if (lost) {
                // changes that arrived during the claim were skipped: the newer Job may already be cached
                jobChanged(jobName, false);
            }
        });
    }

    /** Writes the claim with the Job's resourceVersion as precondition; true when this instance won it. */
    private boolean claim(Job job) {
        String name = job.getMetadata().getName();
        ObjectNode patch = mapper.createObjectNode();
        ObjectNode metadata = patch.putObject("metadata");
        metadata.put("resourceVersion", job.getMetadata().getResourceVersion());
        metadata.putObject("annotations").put(LauncherKeys.STDIN_CLAIMED, clock.instant().toString());
        try {
            Job claimed = client.batch().v1().jobs().inNamespace(namespace).resource(job)
                    .patch(PatchContext.of(PatchType.JSON_MERGE), mapper.writeValueAsString(patch));
            cache.offer(claimed);
            return true;
        } catch (KubernetesClientException e) {
            if (e.getCode() == HttpURLConnection.HTTP_CONFLICT) {
                // another instance claimed it, or the Job changed since we read it: decided on its next version
                lostAt.put(name, job.getMetadata().getResourceVersion());
                log.debug("stdin claim of job {} lost at resourceVersion {}", name, job.getMetadata().getResourceVersion());
            } else if (e.getCode() != HttpURLConnection.HTTP_NOT_FOUND) {
                log.warn("could not claim the stdin of job {}: {}", name, e.getMessage());
            }
            return false;
        }
    }

    private static Map<String, String> annotations(HasMetadata object) {
        return annotations(object.getMetadata());
    }

    private static Map<String, String> annotations(io.fabric8.kubernetes.api.model.ObjectMeta metadata) {
        Map<String, String> annotations = metadata == null ? null : metadata.getAnnotations();
        return annotations == null ? Map.of() : annotations;
    }

    private static String templateStdin(Job job) {
        var template = job.getSpec() == null || job.getSpec().getTemplate() == null ? null : job.getSpec().getTemplate().getMetadata();
        String stdin = template == null ? null : annotations(template).get(LauncherKeys.STDIN);
        return stdin == null ? "" : stdin;
    }

    private static Optional<Pod> runningPod(JobObjects objects) {
        String main = objects.mainContainerName();
        return objects.pod().filter(p -> p.getStatus() != null && p.getStatus().getContainerStatuses() != null
                && p.getStatus().getContainerStatuses().stream().anyMatch(cs -> main.equals(cs.getName())
                && cs.getState() != null && cs.getState().getRunning() != null));
    }

    private void write(String pod, String container, String stdin) {
        try (ExecWatch attach = client.pods().inNamespace(namespace).withName(pod).inContainer(container).redirectingInput().attach()) {
            OutputStream in = attach.getInput();
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
            in.flush();
            in.close();
        } catch (Exception e) {
            log.warn("claimed the stdin of pod {} but could not write it: {}", pod, e.toString());
        }
    }
}
