package io.kubelauncher.kubernetes.translate;

/** The Kubernetes plugin's own resource limit types, as the vendor's templates read them. */
public final class ResourceTypes {

    public static final String CPU_REQUEST = "CPU Request";
    public static final String MEMORY_REQUEST = "Memory Request";
    public static final String NVIDIA_GPUS = "NVIDIA GPUs";
    public static final String AMD_GPUS = "AMD GPUs";

    private ResourceTypes() {
    }
}
