package io.kubelauncher.gotemplate.helm;

import io.kubelauncher.gotemplate.encoding.GoJson;
import io.kubelauncher.gotemplate.encoding.JsonException;
import io.kubelauncher.gotemplate.encoding.JsonMarshaler;
import io.kubelauncher.gotemplate.function.GoValue;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Helm's {@code toYaml}: ghodss/yaml's {@code Marshal} (JSON-marshal the value, read the JSON back
 * with yaml.v2, then {@code yaml.Marshal} it), with one trailing newline trimmed.
 */
public final class HelmYaml {

    private HelmYaml() {
    }

    /** {@code toYaml v}; a value JSON cannot encode (NaN, Inf) renders as "". */
    public static String toYaml(Object value) {
        Object normalized;
        try {
            normalized = normalize(value);
        } catch (JsonException e) {
            return "";
        }
        String doc = YamlEmitter.emit(normalized);
        return doc.endsWith("\n") ? doc.substring(0, doc.length() - 1) : doc;
    }

    /** The value as yaml.v2 decodes the JSON that encoding/json makes of it. */
    private static Object normalize(Object v) throws JsonException {
        if (v == null || v instanceof String || v instanceof Boolean) {
            return v;
        }
        if (v instanceof Integer || v instanceof Long) {
            return new YamlEmitter.YamlNumber(v.toString());
        }
        if (v instanceof Double d) {
            return new YamlEmitter.YamlNumber(yamlNumber(GoJson.formatFloat(d)));
        }
        if (v instanceof Map<?, ?> m) {
            List<Map.Entry<String, Object>> entries = new ArrayList<>(m.size());
            for (Map.Entry<?, ?> e : m.entrySet()) {
                entries.add(new AbstractMap.SimpleImmutableEntry<>((String) e.getKey(), normalize(e.getValue())));
            }
            YamlKeyOrder.sort(entries, Map.Entry::getKey);
            return new YamlEmitter.SortedYamlMap(entries);
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object o : l) {
                out.add(normalize(o));
            }
            return out;
        }
        if (v instanceof JsonMarshaler j) {
            return normalize(j.toJsonValue());
        }
        if (v instanceof GoValue) {
            return new YamlEmitter.SortedYamlMap(List.of());
        }
        throw new JsonException("json: unsupported type: " + v.getClass().getName());
    }

    /** How yaml.v2 re-prints a JSON number: as an int64/uint64 when it parses as one, else as a float64. */
    private static String yamlNumber(String json) {
        try {
            return Long.toString(Long.parseLong(json));
        } catch (NumberFormatException notInt64) {
            try {
                return Long.toUnsignedString(Long.parseUnsignedLong(json));
            } catch (NumberFormatException notUint64) {
                return io.kubelauncher.gotemplate.format.GoStrconv.formatFloat(Double.parseDouble(json));
            }
        }
    }
}
