package io.kubelauncher.api.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;

/** The container a job runs in (spec 7.4.1). */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Container(String image, Integer runAsUserId, Integer runAsGroupId,
                        List<Integer> supplementalGroupIds) {
    public Container {
        Objects.requireNonNull(image, "container: image is required");
        supplementalGroupIds = Lists.copy(supplementalGroupIds);
    }

    public static Container of(String image) {
        return new Container(image, null, null, List.of());
    }
}
