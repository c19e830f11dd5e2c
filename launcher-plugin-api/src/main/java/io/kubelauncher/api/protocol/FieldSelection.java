package io.kubelauncher.api.protocol;

import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;

/** Writing a value's JSON members, whole or by field selection. */
final class FieldSelection {

    private FieldSelection() {
    }

    /**
     * Get Job's {@code fields} (spec 6.3): only the named top-level keys, by wire name, and always
     * {@code id}; unknown names are ignored.
     */
    static void write(JsonGenerator g, JsonNode job, List<String> fields) {
        g.writeStartObject();
        for (Map.Entry<String, JsonNode> member : job.properties()) {
            if (member.getKey().equals("id") || fields.contains(member.getKey())) {
                g.writeName(member.getKey());
                g.writeTree(member.getValue());
            }
        }
        g.writeEndObject();
    }

    /** The members of an object node, into an object already open. */
    static void writeMembers(JsonGenerator g, JsonNode object) {
        for (Map.Entry<String, JsonNode> member : object.properties()) {
            g.writeName(member.getKey());
            g.writeTree(member.getValue());
        }
    }
}
