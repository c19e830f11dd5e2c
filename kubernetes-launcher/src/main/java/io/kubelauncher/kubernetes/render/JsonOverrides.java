package io.kubelauncher.kubernetes.render;

import io.kubelauncher.api.plugin.ErrorCode;
import io.kubelauncher.api.plugin.PluginException;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * Applies {@code job-json-overrides} to the generated Job, in order: each value replaces the member
 * at its JSON Pointer (RFC 6901), or adds it, creating missing parent objects on the way (the admin
 * guide's own example, {@code /spec/template/spec/hostAliases}, adds a member that does not exist).
 * In an array, an index replaces that element and {@code -} appends.
 */
public final class JsonOverrides {

    private JsonOverrides() {
    }

    /** @throws PluginException (Error 0) naming the override whose pointer crosses a non-container value */
    public static void apply(ObjectNode job, List<JsonOverride> overrides) {
        for (JsonOverride o : overrides) {
            apply(job, o);
        }
    }

    private static void apply(ObjectNode root, JsonOverride override) {
        JsonPointer pointer;
        try {
            pointer = JsonPointer.compile(override.pointer());
        } catch (IllegalArgumentException e) {
            throw failure(override, "not a JSON Pointer (it must start with '/')");
        }
        if (pointer.matches()) {
            throw failure(override, "the pointer names the whole Job; name a member, e.g. /spec/template/spec/hostAliases");
        }
        JsonNode node = root;
        JsonPointer rest = pointer;
        while (!rest.tail().matches()) {
            String segment = rest.getMatchingProperty();
            JsonNode next;
            if (node instanceof ObjectNode object) {
                next = object.get(segment);
                if (next == null || next.isNull()) {
                    next = object.putObject(segment);
                }
            } else if (node instanceof ArrayNode array && rest.getMatchingIndex() >= 0 && rest.getMatchingIndex() < array.size()) {
                next = array.get(rest.getMatchingIndex());
            } else {
                throw failure(override, "'" + segment + "' is not inside an object or an existing array element");
            }
            node = next;
            rest = rest.tail();
        }
        String last = rest.getMatchingProperty();
        if (node instanceof ObjectNode object) {
            object.set(last, override.value());
        } else if (node instanceof ArrayNode array) {
            int index = rest.getMatchingIndex();
            if ("-".equals(last)) {
                array.add(override.value());
            } else if (index >= 0 && index < array.size()) {
                array.set(index, override.value());
            } else if (index == array.size()) {
                array.add(override.value());
            } else {
                throw failure(override, "index " + last + " is outside the array (size " + array.size() + ")");
            }
        } else {
            throw failure(override, "the parent of '" + last + "' is not an object or array");
        }
    }

    private static PluginException failure(JsonOverride override, String why) {
        return new PluginException(ErrorCode.UNKNOWN, "job-json-overrides entry \"" + override.pointer() + "\" (" + override.origin()
                + ") cannot be applied: " + why);
    }
}
