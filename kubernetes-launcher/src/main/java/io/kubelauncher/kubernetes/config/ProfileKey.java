package io.kubelauncher.kubernetes.config;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A key of {@code launcher.kubernetes.profiles.conf}, with the type its value parses to. The
 * defaults that apply when no matching section sets a key are the resolver's business.
 *
 * @param <T> the parsed value's type
 */
public final class ProfileKey<T> {

    @FunctionalInterface
    interface Parser<T> {
        /** @param baseDir the profiles file's directory, for relative file names */
        T parse(String raw, Path baseDir) throws InvalidValueException;
    }

    private static final Map<String, ProfileKey<?>> BY_NAME = new LinkedHashMap<>();

    public static final ProfileKey<List<String>> CONTAINER_IMAGES =
            define("container-images", (raw, dir) -> ValueSyntax.list(raw));
    public static final ProfileKey<String> DEFAULT_CONTAINER_IMAGE =
            define("default-container-image", (raw, dir) -> ValueSyntax.string(raw));
    public static final ProfileKey<Boolean> ALLOW_UNKNOWN_IMAGES =
            define("allow-unknown-images", (raw, dir) -> ValueSyntax.bool(raw));
    public static final ProfileKey<List<PlacementConstraintOption>> PLACEMENT_CONSTRAINTS =
            define("placement-constraints", (raw, dir) -> ValueSyntax.placementConstraints(raw, false));
    public static final ProfileKey<BigDecimal> DEFAULT_CPUS = decimal("default-cpus");
    public static final ProfileKey<BigDecimal> DEFAULT_CPUS_REQUEST = decimal("default-cpus-request");
    public static final ProfileKey<BigDecimal> DEFAULT_MEM_MB = decimal("default-mem-mb");
    public static final ProfileKey<BigDecimal> DEFAULT_MEM_MB_REQUEST = decimal("default-mem-mb-request");
    public static final ProfileKey<BigDecimal> MAX_CPUS = decimal("max-cpus");
    public static final ProfileKey<BigDecimal> MAX_CPUS_REQUEST = decimal("max-cpus-request");
    public static final ProfileKey<BigDecimal> MAX_MEM_MB = decimal("max-mem-mb");
    public static final ProfileKey<BigDecimal> MAX_MEM_MB_REQUEST = decimal("max-mem-mb-request");
    public static final ProfileKey<List<JsonOverride>> JOB_JSON_OVERRIDES =
            define("job-json-overrides", new JsonOverrideSyntax()::parse);
    public static final ProfileKey<BigDecimal> CPU_REQUEST_RATIO =
            define("cpu-request-ratio", (raw, dir) -> ValueSyntax.ratio(raw));
    public static final ProfileKey<BigDecimal> MEMORY_REQUEST_RATIO =
            define("memory-request-ratio", (raw, dir) -> ValueSyntax.ratio(raw));
    public static final ProfileKey<Integer> DEFAULT_NVIDIA_GPUS = gpus("default-nvidia-gpus");
    public static final ProfileKey<Integer> DEFAULT_AMD_GPUS = gpus("default-amd-gpus");
    public static final ProfileKey<Integer> MAX_NVIDIA_GPUS = gpus("max-nvidia-gpus");
    public static final ProfileKey<Integer> MAX_AMD_GPUS = gpus("max-amd-gpus");
    public static final ProfileKey<List<String>> RESOURCE_PROFILES =
            define("resource-profiles", (raw, dir) -> ValueSyntax.list(raw));
    public static final ProfileKey<Boolean> ALLOW_CUSTOM_RESOURCES =
            define("allow-custom-resources", (raw, dir) -> ValueSyntax.bool(raw));

    private final String name;
    private final Parser<T> parser;

    private ProfileKey(String name, Parser<T> parser) {
        this.name = name;
        this.parser = parser;
    }

    private static <T> ProfileKey<T> define(String name, Parser<T> parser) {
        ProfileKey<T> key = new ProfileKey<>(name, parser);
        BY_NAME.put(name, key);
        return key;
    }

    private static ProfileKey<BigDecimal> decimal(String name) {
        return define(name, (raw, dir) -> ValueSyntax.nonNegativeDecimal(raw));
    }

    private static ProfileKey<Integer> gpus(String name) {
        return define(name, (raw, dir) -> (int) ValueSyntax.wholeNumber(raw, 0, 1024));
    }

    /** Every key, in the order of the admin guide's table. */
    public static List<ProfileKey<?>> all() {
        return List.copyOf(BY_NAME.values());
    }

    public static Optional<ProfileKey<?>> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public String name() {
        return name;
    }

    T parse(String raw, Path baseDir) throws InvalidValueException {
        return parser.parse(raw, baseDir);
    }

    @Override
    public String toString() {
        return name;
    }
}
