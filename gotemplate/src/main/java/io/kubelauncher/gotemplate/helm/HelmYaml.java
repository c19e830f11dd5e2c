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
        if (v instanceof String s) {
            return yamlReadBack(s);
        }
        if (v == null || v instanceof Boolean) {
            return v;
        }
        if (v instanceof Integer || v instanceof Long) {
            return new YamlEmitter.YamlNumber(v.toString());
        }
        if (v instanceof Double d) {
            return new YamlEmitter.YamlNumber(yamlNumber(GoJson.formatFloat(d)));
        }
        if (v instanceof io.kubelauncher.gotemplate.encoding.JsonStruct st) {
            v = st.fields();
        }
        if (v instanceof Map<?, ?> m) {
            List<Map.Entry<String, Object>> entries = new ArrayList<>(m.size());
            for (Map.Entry<?, ?> e : m.entrySet()) {
                entries.add(new AbstractMap.SimpleImmutableEntry<>(yamlReadBack((String) e.getKey()),
                        normalize(e.getValue())));
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

    /**
     * A JSON string as yaml.v2 reads it back from encoding/json's output: characters JSON leaves
     * raw but YAML forbids fail the whole conversion, and a raw NEL (U+0085) is a line break that
     * double-quoted scalars fold (one break becomes a space, n breaks n-1 newlines, blanks around
     * them dropped).
     */
    private static String yamlReadBack(String s) throws JsonException {
        boolean nel = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0x7F || (c >= 0x80 && c <= 0x9F && c != 0x85) || c == 0xFFFE || c == 0xFFFF) {
                throw new JsonException("yaml: control characters are not allowed");
            }
            nel |= c == 0x85;
        }
        if (!nel) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            int j = i;
            while (j < s.length() && (s.charAt(j) == ' ' || s.charAt(j) == '\t')) {
                j++;
            }
            if (j < s.length() && s.charAt(j) == 0x85) {
                int breaks = 0;
                while (j < s.length() && (s.charAt(j) == 0x85 || s.charAt(j) == ' ' || s.charAt(j) == '\t')) {
                    if (s.charAt(j) == 0x85) {
                        breaks++;
                    }
                    j++;
                }
                out.append(breaks == 1 ? " " : "\n".repeat(breaks - 1));
                i = j;
            } else {
                out.append(s, i, Math.max(j, i + 1));
                i = Math.max(j, i + 1);
            }
        }
        return out.toString();
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
