package io.kubelauncher.api.protocol;

import java.io.OutputStream;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectMapper;

/** Writes a response's payload: the envelope, then the response's own members. Thread-safe. */
public final class ResponseSerializer {

    private final ObjectMapper mapper;

    public ResponseSerializer(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * @param responseId the id taken for this response (ignored, written as 0, for responses that
     *     do not count)
     */
    public void write(Response response, long responseId, OutputStream out) {
        try (JsonGenerator g = mapper.createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberProperty("messageType", response.type().id());
            g.writeNumberProperty("requestId", response.requestId());
            g.writeNumberProperty("responseId", response.countsResponseId() ? responseId : 0);
            response.writeFields(g, mapper);
            g.writeEndObject();
        }
    }
}
