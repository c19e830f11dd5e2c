package io.kubelauncher.api.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A volume mounted into a job (spec 7.4.5). Two wire shapes exist and both are read: the API 3.0
 * shape with {@code type} and {@code source} on the mount itself ({@link Shape#FLAT}), and the Go
 * SDK's shape with a {@code mountSource: {type, source}} wrapper ({@link Shape#NESTED}). A mount is
 * written back in the shape it arrived in; mounts a plugin builds use the nested shape.
 *
 * @param name optional (newer API), may be null
 */
public record Mount(String mountPath, String name, boolean readOnly, MountSource source, Shape shape) {

    public enum Shape { FLAT, NESTED }

    public Mount {
        Objects.requireNonNull(mountPath, "mount: mountPath is required");
        Objects.requireNonNull(source, "mount: a source is required");
        Objects.requireNonNull(shape, "shape");
    }

    public Mount(String mountPath, boolean readOnly, MountSource source) {
        this(mountPath, null, readOnly, source, Shape.NESTED);
    }

    /** The nested {@code mountSource} object of the Go SDK's shape. */
    record Wrapper(String type, Map<String, Object> source) {
    }

    @JsonCreator
    static Mount fromJson(@JsonProperty("mountPath") String mountPath,
                          @JsonProperty("name") String name,
                          @JsonProperty("readOnly") Boolean readOnly,
                          @JsonProperty("type") String type,
                          @JsonProperty("source") Map<String, Object> source,
                          @JsonProperty("mountSource") Wrapper mountSource) {
        if (mountPath == null) {
            throw new IllegalArgumentException("mount: mountPath is required");
        }
        boolean ro = readOnly != null && readOnly;
        if (mountSource != null) {
            if (mountSource.type() == null) {
                throw new IllegalArgumentException("mount " + mountPath + ": mountSource.type is required");
            }
            return new Mount(mountPath, name, ro, MountSource.of(mountSource.type(), mountSource.source()),
                    Shape.NESTED);
        }
        if (type == null) {
            throw new IllegalArgumentException(
                    "mount " + mountPath + ": needs either mountSource {type, source} or type and source");
        }
        return new Mount(mountPath, name, ro, MountSource.of(type, source), Shape.FLAT);
    }

    @JsonValue
    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("mountPath", mountPath);
        if (name != null && !name.isEmpty()) {
            json.put("name", name);
        }
        json.put("readOnly", readOnly);
        if (shape == Shape.FLAT) {
            json.put("type", source.type());
            json.put("source", source.toMap());
        } else {
            Map<String, Object> wrapper = new LinkedHashMap<>();
            wrapper.put("type", source.type());
            wrapper.put("source", source.toMap());
            json.put("mountSource", wrapper);
        }
        return json;
    }
}
