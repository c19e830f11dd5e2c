package io.kubelauncher.api.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A Launcher Plugin API version; {@code build} and {@code revision} are the Go SDK's optional extras. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Version(int major, int minor, int patch, Integer build, String revision) {

    public Version(int major, int minor, int patch) {
        this(major, minor, patch, null, null);
    }

    @JsonCreator
    static Version fromJson(@JsonProperty("major") Integer major, @JsonProperty("minor") Integer minor,
                            @JsonProperty("patch") Integer patch, @JsonProperty("build") Integer build,
                            @JsonProperty("revision") String revision) {
        if (major == null || minor == null || patch == null) {
            throw new IllegalArgumentException("version needs major, minor and patch");
        }
        return new Version(major, minor, patch, build, revision);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
