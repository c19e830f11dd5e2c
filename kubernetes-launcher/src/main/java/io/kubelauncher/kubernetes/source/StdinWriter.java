package io.kubelauncher.kubernetes.source;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.ExecWatch;
import io.kubelauncher.kubernetes.cache.ClusterCache;
import io.kubelauncher.kubernetes.cache.JobChangeListener;
import io.kubelauncher.kubernetes.translate.JobObjects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * Feeds a job's stdin to its container once the container runs: the templates start it with
 * {@code stdin: true, stdinOnce: true}, so the first attach that closes stdin delivers it. Only the
 * instance that submitted the job writes it (it holds the text; the annotation is a copy for readers).
 */
final class StdinWriter implements JobChangeListener {

    private static final Logger log = LoggerFactory.getLogger(StdinWriter.class);

    private final KubernetesClient client;
    private final ClusterCache cache;
    private final String namespace;
    private final Executor executor;
    private final Map<String, String> pending = new ConcurrentHashMap<>();

    StdinWriter(KubernetesClient client, ClusterCache cache, String namespace, Executor executor) {
        this.client = Objects.requireNonNull(client, "client");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.namespace = Objects.requireNonNull(namespace, "namespace");
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    void expect(String jobName, String stdin) {
        if (stdin != null && !stdin.isEmpty()) {
            pending.put(jobName, stdin);
            jobChanged(jobName, false);
        }
    }

    @Override
    public void jobChanged(String jobName, boolean removed) {
        if (removed) {
            pending.remove(jobName);
            return;
        }
        if (!pending.containsKey(jobName)) {
            return;
        }
        cache.objects(jobName).flatMap(StdinWriter::runningContainer).ifPresent(target -> {
            String stdin = pending.remove(jobName);
            if (stdin != null) {
                executor.execute(() -> write(target.pod(), target.container(), stdin));
            }
        });
    }

    private record Target(String pod, String container) {
    }

    private static java.util.Optional<Target> runningContainer(JobObjects objects) {
        return runningPod(objects).map(p -> new Target(p.getMetadata().getName(), objects.mainContainerName()));
    }

    private static java.util.Optional<Pod> runningPod(JobObjects objects) {
        return objects.pod().filter(p -> p.getStatus() != null && p.getStatus().getContainerStatuses() != null
                && p.getStatus().getContainerStatuses().stream().anyMatch(cs -> objects.mainContainerName().equals(cs.getName())
                && cs.getState() != null && cs.getState().getRunning() != null));
    }

    private void write(String pod, String container, String stdin) {
        try (ExecWatch attach = client.pods().inNamespace(namespace).withName(pod).inContainer(container).redirectingInput().attach()) {
            OutputStream in = attach.getInput();
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
            in.flush();
            in.close();
        } catch (Exception e) {
            log.warn("could not write the stdin of pod {}: {}", pod, e.toString());
        }
    }
}
