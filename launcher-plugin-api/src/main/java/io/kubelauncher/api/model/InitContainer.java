package io.kubelauncher.api.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;

/** A container run before the job's own (spec 7.4.2, newer API). */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record InitContainer(String name, String image, String command, String exe, List<String> args,
                            List<Mount> mounts, List<Env> environment) {
    public InitContainer {
        Objects.requireNonNull(name, "init container: name is required");
        Objects.requireNonNull(image, "init container: image is required");
        args = Lists.copy(args);
        mounts = Lists.copy(mounts);
        environment = Lists.copy(environment);
    }
}
