package io.kubelauncher.api.model;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

/** The JSON mapping of the wire: exact keys in declaration order, unknown fields ignored. */
public final class WireJson {

    private WireJson() {
    }

    /** A new mapper configured for the protocol; mappers are thread-safe, so share one per process. */
    public static JsonMapper newMapper() {
        return JsonMapper.builder()
                .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                // newer Launchers add fields; both SDKs ignore what they do not know
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
    }
}
