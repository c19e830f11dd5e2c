package io.kubelauncher.api.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * A resource limit (spec 7.4.7). In a job: {@code type} and the requested {@code value}; in
 * Cluster Info: {@code type} with optional {@code defaultValue} and {@code maxValue}. Values are
 * strings on the wire. Standard types: {@link #CPU_COUNT}, {@link #CPU_TIME}, {@link #MEMORY},
 * {@link #MEMORY_SWAP}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResourceLimit(String type, String value, String defaultValue, String maxValue) {
    public static final String CPU_COUNT = "cpuCount";
    public static final String CPU_TIME = "cpuTime";
    public static final String MEMORY = "memory";
    public static final String MEMORY_SWAP = "memorySwap";

    public ResourceLimit {
        Objects.requireNonNull(type, "resource limit: type is required");
    }

    /** A requested limit, as a job carries it. */
    public static ResourceLimit requested(String type, String value) {
        return new ResourceLimit(type, value, null, null);
    }

    /** An offered limit, as Cluster Info lists it. */
    public static ResourceLimit offered(String type, String defaultValue, String maxValue) {
        return new ResourceLimit(type, null, defaultValue, maxValue);
    }
}
