package io.kubelauncher.kubernetes.render;

import io.kubelauncher.api.model.Job;

import java.util.List;
import java.util.Map;

/**
 * The init containers a job's metadata adds to its pod ({@code metadata.pod.initContainers}), as the
 * user wrote them: the built-in spec applies them, and the image policy and the container-name rules
 * check them, all from this one reading of the metadata.
 */
public final class MetadataInitContainers {

    private MetadataInitContainers() {
    }

    /** Each entry as given (a map when well-formed); empty when the metadata adds none. */
    public static List<?> of(Job job) {
        return job.metadata().get("pod") instanceof Map<?, ?> pod && pod.get("initContainers") instanceof List<?> added ? added : List.of();
    }
}
