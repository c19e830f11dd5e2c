package io.kubelauncher.kubernetes.policy;

import java.util.Optional;

/** The resource limit types of this plugin, by their wire names (what job.tpl compares against). */
public enum LimitType {
    CPU_COUNT("cpuCount"),
    CPU_REQUEST("CPU Request"),
    MEMORY("memory"),
    MEMORY_REQUEST("Memory Request"),
    NVIDIA_GPUS("NVIDIA GPUs"),
    AMD_GPUS("AMD GPUs");

    private final String wireName;

    LimitType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<LimitType> fromWireName(String name) {
        for (LimitType type : values()) {
            if (type.wireName.equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    boolean isGpu() {
        return this == NVIDIA_GPUS || this == AMD_GPUS;
    }
}
