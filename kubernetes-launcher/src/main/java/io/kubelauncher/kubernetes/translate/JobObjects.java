package io.kubelauncher.kubernetes.translate;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.batch.v1.Job;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything Kubernetes currently holds about one launcher job: its Job, the Job's pods, its Service
 * (when ports are exposed) and the recent Events about any of them.
 */
public record JobObjects(Job job, List<Pod> pods, Optional<Service> service, List<Event> events) {

    /** The container our templates name; a custom template may add sidecars before or after it. */
    public static final String MAIN_CONTAINER = "rs-launcher-container";

    public JobObjects {
        Objects.requireNonNull(job, "job");
        pods = List.copyOf(pods);
        events = List.copyOf(events);
        Objects.requireNonNull(service, "service");
    }

    public String name() {
        return job.getMetadata().getName();
    }

    /** The newest pod: with backoffLimit 0 there is one, but a replaced pod may linger while it terminates. */
    public Optional<Pod> pod() {
        return pods.stream()
                .max(Comparator.comparing((Pod p) -> Timestamps.parse(p.getMetadata().getCreationTimestamp()).orElse(java.time.Instant.EPOCH))
                        .thenComparing(p -> p.getMetadata().getName()));
    }

    /** Name of the container that runs the job command. */
    public String mainContainerName() {
        var containers = job.getSpec().getTemplate().getSpec().getContainers();
        return containers.stream().map(c -> c.getName()).filter(MAIN_CONTAINER::equals).findFirst()
                .orElse(containers.isEmpty() ? MAIN_CONTAINER : containers.get(0).getName());
    }
}
