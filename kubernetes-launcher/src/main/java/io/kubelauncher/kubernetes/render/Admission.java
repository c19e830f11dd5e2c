package io.kubelauncher.kubernetes.render;

import io.kubelauncher.api.model.Job;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A job the user's policy accepted, with the policy's choices applied: the image, every resource
 * limit and request in force (as {@code resourceLimits} of the job, in the types the templates read:
 * {@code cpuCount}, {@code memory}, {@code CPU Request}, {@code Memory Request}, {@code NVIDIA GPUs},
 * {@code AMD GPUs}), and the placement constraints.
 *
 * @param job the completed job
 * @param cpuRequestRatio the user's cpu-request-ratio (carried into the template context)
 * @param memoryRequestRatio the user's memory-request-ratio
 * @param overrides the user's job-json-overrides, applied in order when templating is off
 */
public record Admission(Job job, BigDecimal cpuRequestRatio, BigDecimal memoryRequestRatio, List<JsonOverride> overrides) {

    public Admission {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(cpuRequestRatio, "cpuRequestRatio");
        Objects.requireNonNull(memoryRequestRatio, "memoryRequestRatio");
        overrides = List.copyOf(overrides);
    }

    /** A job without profile choices: ratios 1.0 and no overrides. */
    public static Admission unchanged(Job job) {
        return new Admission(job, BigDecimal.ONE, BigDecimal.ONE, List.of());
    }
}
