package io.kubelauncher.api.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where a mount's data comes from (spec 7.4.5): one record per standard {@code type}, and
 * {@link Other} for {@code passthrough} and any type a plugin defines, kept as it arrived.
 */
public sealed interface MountSource {

    /** The wire name of the type, e.g. {@code nfs}. */
    String type();

    /** The {@code source} object as it goes on the wire. */
    Map<String, Object> toMap();

    record Host(String path) implements MountSource {
        public Host {
            Objects.requireNonNull(path, "host mount: source.path is required");
        }

        @Override
        public String type() {
            return "host";
        }

        @Override
        public Map<String, Object> toMap() {
            return Map.of("path", path);
        }
    }

    record Nfs(String host, String path) implements MountSource {
        public Nfs {
            Objects.requireNonNull(host, "nfs mount: source.host is required");
            Objects.requireNonNull(path, "nfs mount: source.path is required");
        }

        @Override
        public String type() {
            return "nfs";
        }

        @Override
        public Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("host", host);
            map.put("path", path);
            return map;
        }
    }

    record AzureFile(String secretName, String shareName) implements MountSource {
        public AzureFile {
            Objects.requireNonNull(secretName, "azureFile mount: source.secretName is required");
            Objects.requireNonNull(shareName, "azureFile mount: source.shareName is required");
        }

        @Override
        public String type() {
            return "azureFile";
        }

        @Override
        public Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("secretName", secretName);
            map.put("shareName", shareName);
            return map;
        }
    }

    /** {@code secretRef}, when set, overrides {@code secretFile}. Optional members may be null. */
    record CephFs(List<String> monitors, String path, String user, String secretFile, String secretRef)
            implements MountSource {
        public CephFs {
            monitors = Lists.copy(monitors);
            if (monitors.isEmpty()) {
                throw new IllegalArgumentException("cephFs mount: source.monitors needs at least one entry");
            }
        }

        @Override
        public String type() {
            return "cephFs";
        }

        @Override
        public Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("monitors", monitors);
            putIfSet(map, "path", path);
            putIfSet(map, "user", user);
            putIfSet(map, "secretFile", secretFile);
            putIfSet(map, "secretRef", secretRef);
            return map;
        }
    }

    record GlusterFs(String endpoints, String path) implements MountSource {
        public GlusterFs {
            Objects.requireNonNull(endpoints, "glusterFs mount: source.endpoints is required");
            Objects.requireNonNull(path, "glusterFs mount: source.path is required");
        }

        @Override
        public String type() {
            return "glusterFs";
        }

        @Override
        public Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("endpoints", endpoints);
            map.put("path", path);
            return map;
        }
    }

    /** {@code passthrough} or a plugin-defined type: the source object is kept as it came. */
    record Other(String type, Map<String, Object> source) implements MountSource {
        public Other {
            Objects.requireNonNull(type, "mount: type is required");
            source = Lists.copy(source);
        }

        @Override
        public Map<String, Object> toMap() {
            return source;
        }
    }

    /**
     * Reads a source object of the given type.
     *
     * @throws IllegalArgumentException naming the member that is missing or of the wrong JSON type
     */
    static MountSource of(String type, Map<String, Object> source) {
        Objects.requireNonNull(type, "mount: type is required");
        Map<String, Object> s = source == null ? Map.of() : source;
        return switch (type) {
            case "host" -> new Host(string(s, type, "path"));
            case "nfs" -> new Nfs(string(s, type, "host"), string(s, type, "path"));
            case "azureFile" -> new AzureFile(string(s, type, "secretName"), string(s, type, "shareName"));
            case "cephFs" -> new CephFs(strings(s, type, "monitors"), string(s, type, "path"),
                    string(s, type, "user"), string(s, type, "secretFile"), string(s, type, "secretRef"));
            case "glusterFs" -> new GlusterFs(string(s, type, "endpoints"), string(s, type, "path"));
            default -> new Other(type, s);
        };
    }

    private static String string(Map<String, Object> source, String type, String key) {
        Object value = source.get(key);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw new IllegalArgumentException(type + " mount: source." + key + " must be a string");
    }

    private static List<String> strings(Map<String, Object> source, String type, String key) {
        Object value = source.get(key);
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            List<String> out = new ArrayList<>(list.size());
            for (Object item : list) {
                if (!(item instanceof String text)) {
                    throw new IllegalArgumentException(type + " mount: source." + key + " must hold strings");
                }
                out.add(text);
            }
            return out;
        }
        throw new IllegalArgumentException(type + " mount: source." + key + " must be an array of strings");
    }

    private static void putIfSet(Map<String, Object> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
