package io.kubelauncher.kubernetes.config;

import java.nio.file.Path;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * One {@code job-json-overrides} entry: the JSON value read from {@code file} replaces (or adds)
 * the member of the generated Job at the JSON Pointer {@code pointer} (RFC 6901). The file is read
 * when the profiles file is loaded, so a reload picks up edits and a bad file fails the load.
 */
public record JsonOverride(String pointer, Path file, JsonNode value) {

    public JsonOverride {
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(file, "file");
        value = Objects.requireNonNull(value, "value").deepCopy();
    }

    /** A copy: the configured value stays as loaded whatever a caller does with it. */
    @Override
    public JsonNode value() {
        return value.deepCopy();
    }
}
