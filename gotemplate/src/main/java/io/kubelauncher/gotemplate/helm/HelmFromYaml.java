package io.kubelauncher.gotemplate.helm;

import io.kubelauncher.gotemplate.encoding.GoBase;
import io.kubelauncher.gotemplate.format.GoFmt;
import io.kubelauncher.gotemplate.format.GoStrconv;

import java.io.StringReader;
import java.math.BigInteger;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;
import org.yaml.snakeyaml.parser.ParserException;
import org.yaml.snakeyaml.scanner.ScannerException;

/**
 * Helm's {@code fromYaml}: ghodss/yaml's {@code Unmarshal} into {@code map[string]interface{}}
 * (yaml.v2 decoding with YAML 1.1 typing, keys stringified, then a JSON round trip so every number
 * is a float64). Errors come back in the map under "Error", as Helm does.
 *
 * <p>SnakeYAML supplies the YAML 1.1 event stream; the typing is yaml.v2's, not SnakeYAML's.
 * Parse error texts are mapped onto libyaml's wording for the common cases.
 */
public final class HelmFromYaml {

    private static final String YAML_TAG = "tag:yaml.org,2002:";

    private HelmFromYaml() {
    }

    /** {@code fromYaml s}. */
    public static Map<String, Object> fromYaml(String text) {
        Map<String, Object> result = new LinkedHashMap<>();
        Object doc;
        try {
            doc = firstDocument(text);
        } catch (DecodeError e) {
            result.put("Error", "error converting YAML to JSON: " + e.getMessage());
            return result;
        } catch (YAMLException e) {
            result.put("Error", "error converting YAML to JSON: " + libyamlMessage(e, text.codePointCount(0, text.length())));
            return result;
        }
        Object json;
        try {
            json = toJsonValue(doc);
        } catch (DecodeError e) {
            result.put("Error", "error converting YAML to JSON: " + e.getMessage());
            return result;
        }
        if (json == null) {
            return result;
        }
        if (!(json instanceof Map)) {
            String kind = json instanceof List ? "array" : json instanceof String ? "string"
                    : json instanceof Boolean ? "bool" : "number";
            result.put("Error", "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal " + kind
                    + " into Go value of type map[string]interface {}");
            return result;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) json;
        result.putAll(m);
        return result;
    }

    /** A decoding failure with yaml.v2's or encoding/json's message. */
    private static final class DecodeError extends Exception {
        private static final long serialVersionUID = 1L;

        DecodeError(String message) {
            super(message, null, false, false);
        }
    }

    // ------------------------------------------------------------------ YAML events to yaml.v2 values

    /** A yaml.v2 map[interface{}]interface{}: keys keep their decoded types. */
    private record YamlMap(List<Object[]> entries) {
    }

    /** A uint64 that does not fit int64. */
    private record Uint64(BigInteger value) {
    }

    private static Object firstDocument(String text) throws DecodeError {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true);
        options.setCodePointLimit(Integer.MAX_VALUE);
        options.setMaxAliasesForCollections(10_000);
        Iterator<Event> events = new Yaml(options).parse(new StringReader(text)).iterator();
        Map<String, Object> anchors = new HashMap<>();
        while (events.hasNext()) {
            Event e = events.next();
            if (e.is(Event.ID.DocumentStart)) {
                return node(events.next(), events, anchors);
            }
            if (e.is(Event.ID.StreamEnd)) {
                return null;
            }
        }
        return null;
    }

    private static Object node(Event e, Iterator<Event> events, Map<String, Object> anchors) throws DecodeError {
        if (e instanceof AliasEvent a) {
            if (!anchors.containsKey(a.getAnchor())) {
                throw new DecodeError("yaml: unknown anchor '" + a.getAnchor() + "' referenced");
            }
            return anchors.get(a.getAnchor());
        }
        Object value;
        if (e instanceof ScalarEvent s) {
            value = scalar(s);
        } else if (e instanceof SequenceStartEvent) {
            List<Object> list = new ArrayList<>();
            for (Event next = events.next(); !next.is(Event.ID.SequenceEnd); next = events.next()) {
                list.add(node(next, events, anchors));
            }
            value = list;
        } else if (e instanceof MappingStartEvent) {
            List<Object[]> entries = new ArrayList<>();
            for (Event next = events.next(); !next.is(Event.ID.MappingEnd); next = events.next()) {
                boolean merge = next instanceof ScalarEvent k && k.getImplicit().canOmitTagInPlainScalar()
                        && k.getTag() == null && k.getValue().equals("<<");
                Object key = node(next, events, anchors);
                Object val = node(events.next(), events, anchors);
                if (merge) {
                    merge(entries, val);
                } else {
                    put(entries, key, val);
                }
            }
            value = new YamlMap(entries);
        } else {
            throw new DecodeError("yaml: unexpected event " + e);
        }
        if (e instanceof NodeEvent n && n.getAnchor() != null) {
            anchors.put(n.getAnchor(), value);
        }
        return value;
    }

    private static void put(List<Object[]> entries, Object key, Object val) {
        for (Object[] entry : entries) {
            if (java.util.Objects.equals(entry[0], key)) {
                entry[1] = val;
                return;
            }
        }
        entries.add(new Object[] {key, val});
    }

    private static void merge(List<Object[]> entries, Object val) throws DecodeError {
        if (val instanceof YamlMap m) {
            for (Object[] entry : m.entries()) {
                put(entries, entry[0], entry[1]);
            }
        } else if (val instanceof List<?> l) {
            for (int i = l.size() - 1; i >= 0; i--) {
                if (!(l.get(i) instanceof YamlMap)) {
                    throw new DecodeError("yaml: map merge requires map or sequence of maps as the value");
                }
                merge(entries, l.get(i));
            }
        } else {
            throw new DecodeError("yaml: map merge requires map or sequence of maps as the value");
        }
    }

    private static Object scalar(ScalarEvent s) throws DecodeError {
        String value = s.getValue();
        String tag = s.getTag();
        boolean plain = s.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN;
        if (tag == null) {
            return plain && s.getImplicit().canOmitTagInPlainScalar() ? resolvePlain(value) : value;
        }
        if (tag.equals("!")) {
            return value;
        }
        if (!tag.startsWith(YAML_TAG) && !tag.startsWith("!!")) {
            return value; // unknown tags decode as the plain text
        }
        String name = tag.startsWith("!!") ? tag.substring(2) : tag.substring(YAML_TAG.length());
        switch (name) {
            case "str":
                return value;
            case "binary":
                return new String(GoBase.base64Decode(value.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
            default: {
                Object resolved = resolvePlain(value);
                String got = tagName(resolved, value);
                if (name.equals(got) || name.equals("float") && got.equals("int")) {
                    return name.equals("float") && !(resolved instanceof Double) ? toDouble(resolved) : resolved;
                }
                throw new DecodeError("yaml: cannot decode !!" + got + " `" + value + "` as a !!" + name);
            }
        }
    }

    private static String tagName(Object resolved, String text) {
        if (resolved == null) {
            return "null";
        }
        if (resolved instanceof Boolean) {
            return "bool";
        }
        if (resolved instanceof Long || resolved instanceof Uint64) {
            return "int";
        }
        if (resolved instanceof Double) {
            return "float";
        }
        return YamlResolver.resolve(text) == YamlResolver.Tag.TIMESTAMP ? "timestamp" : "str";
    }

    private static double toDouble(Object v) {
        return v instanceof Long l ? l : ((Uint64) v).value().doubleValue();
    }

    /** yaml.v2's resolve() producing the decoded value of a plain scalar. */
    private static Object resolvePlain(String in) {
        switch (YamlResolver.resolve(in)) {
            case NULL:
                return null;
            case BOOL:
                return switch (in) {
                    case "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON" -> Boolean.TRUE;
                    default -> Boolean.FALSE;
                };
            case FLOAT:
                return parseFloat(in);
            case INT:
                return parseInt(in);
            default:
                return in; // strings, and timestamps (kept as strings when decoding into interface{})
        }
    }

    private static Object parseInt(String in) {
        String plain = in.replace("_", "");
        boolean neg = plain.startsWith("-");
        String body = plain.startsWith("-") || plain.startsWith("+") ? plain.substring(1) : plain;
        int radix = 10;
        if (body.startsWith("0b") || body.startsWith("0B")) {
            radix = 2;
            body = body.substring(2);
        } else if (body.startsWith("0x") || body.startsWith("0X")) {
            radix = 16;
            body = body.substring(2);
        } else if (body.startsWith("0o") || body.startsWith("0O")) {
            radix = 8;
            body = body.substring(2);
        } else if (body.length() > 1 && body.startsWith("0")) {
            radix = 8;
            body = body.substring(1);
        }
        BigInteger v = new BigInteger(body, radix);
        if (neg) {
            v = v.negate();
        }
        if (v.bitLength() <= 63) {
            return v.longValue();
        }
        return new Uint64(v);
    }

    private static Double parseFloat(String in) {
        String s = in.replace("_", "");
        switch (s) {
            case ".nan", ".NaN", ".NAN":
                return Double.NaN;
            case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF":
                return Double.POSITIVE_INFINITY;
            case "-.inf", "-.Inf", "-.INF":
                return Double.NEGATIVE_INFINITY;
            default:
                return Double.parseDouble(s);
        }
    }

    // ------------------------------------------------------------------ ghodss: to JSON and back

    /** convertToJSONableObject + json.Marshal + json.Unmarshal: keys become strings, numbers float64. */
    private static Object toJsonValue(Object v) throws DecodeError {
        if (v instanceof YamlMap m) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Object[] entry : m.entries()) {
                out.put(keyString(entry[0], entry[1]), toJsonValue(entry[1]));
            }
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object o : l) {
                out.add(toJsonValue(o));
            }
            return out;
        }
        if (v instanceof Long l) {
            return (double) l;
        }
        if (v instanceof Uint64 u) {
            return u.value().doubleValue();
        }
        if (v instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                throw new DecodeError("json: unsupported value: " + GoStrconv.formatFloat(d));
            }
            return d;
        }
        return v;
    }

    private static String keyString(Object k, Object value) throws DecodeError {
        if (k instanceof String s) {
            return s;
        }
        if (k instanceof Long l) {
            return Long.toString(l);
        }
        if (k instanceof Double d) {
            if (d.isInfinite()) {
                return d > 0 ? ".inf" : "-.inf";
            }
            if (d.isNaN()) {
                return ".nan";
            }
            return formatFloat32(d);
        }
        if (k instanceof Boolean b) {
            return b ? "true" : "false";
        }
        String type = k == null ? "<nil>" : k instanceof Uint64 ? "uint64" : "map[interface {}]interface {}";
        throw new DecodeError("Unsupported map key of type: " + type + ", key: " + (k instanceof Uint64 u
                ? "0x" + u.value().toString(16) : GoFmt.formatValue(k)) + ", value: " + GoFmt.formatValue(value));
    }

    /** strconv.FormatFloat(f, 'g', -1, 32): shortest digits that identify the float32. */
    static String formatFloat32(double d) {
        float f = (float) d;
        if (f == 0) {
            return (Float.floatToRawIntBits(f) < 0) ? "-0" : "0";
        }
        BigDecimal exact = new BigDecimal(f);
        BigDecimal best = exact;
        for (int p = 1; p <= 9; p++) {
            BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            if (r.floatValue() == f) {
                best = r;
                break;
            }
        }
        BigDecimal stripped = best.stripTrailingZeros();
        String digits = stripped.unscaledValue().abs().toString();
        int exp = digits.length() - stripped.scale() - 1; // decimal exponent of the first digit
        StringBuilder out = new StringBuilder();
        if (f < 0) {
            out.append('-');
        }
        if (exp < -4 || exp >= 21) {
            out.append(digits.charAt(0));
            if (digits.length() > 1) {
                out.append('.').append(digits, 1, digits.length());
            }
            out.append('e').append(exp < 0 ? '-' : '+');
            int a = Math.abs(exp);
            if (a < 10) {
                out.append('0');
            }
            out.append(a);
        } else {
            out.append(stripped.abs().toPlainString());
        }
        return out.toString();
    }

    // ------------------------------------------------------------------ errors

    /** SnakeYAML's problem text and mark, in libyaml's words and line convention. */
    static String libyamlMessage(YAMLException e, int textLength) {
        if (!(e instanceof MarkedYAMLException m)) {
            return "yaml: " + e.getMessage();
        }
        String problem = m.getProblem() == null ? "" : m.getProblem();
        String context = m.getContext() == null ? "" : m.getContext();
        String msg;
        if (problem.startsWith("mapping values are not allowed")) {
            msg = "mapping values are not allowed in this context";
        } else if (problem.contains("that cannot start any token")) {
            msg = "found character that cannot start any token";
        } else if (problem.startsWith("sequence entries are not allowed")) {
            msg = "block sequence entries are not allowed in this context";
        } else if (e instanceof ParserException && problem.startsWith("expected <block end>")) {
            msg = context.contains("collection") || context.contains("sequence")
                    ? "did not find expected '-' indicator" : "did not find expected key";
        } else if (e instanceof ParserException && context.contains("flow sequence")) {
            msg = "did not find expected ',' or ']'";
        } else if (e instanceof ParserException && context.contains("flow mapping")) {
            msg = "did not find expected ',' or '}'";
        } else if (e instanceof ParserException && problem.startsWith("expected the node content")) {
            msg = "did not find expected node content";
        } else {
            msg = problem.isEmpty() ? "unknown problem parsing YAML content" : problem;
        }
        int line = 0;
        int problemLine = 0;
        if (m.getProblemMark() != null) {
            problemLine = m.getProblemMark().getLine();
            // libyaml moves the stream-end token to a fresh line when the input lacks a final
            // newline (errors found inside a scalar at the very end keep the last line).
            if (m.getProblemMark().getColumn() != 0 && m.getProblemMark().getIndex() >= textLength
                    && !problem.contains("end of stream")) {
                problemLine++;
            }
        }
        if (problemLine != 0) {
            line = problemLine + (e instanceof ScannerException ? 1 : 0);
        } else if (m.getContextMark() != null && m.getContextMark().getLine() != 0) {
            line = m.getContextMark().getLine();
        }
        return "yaml: " + (line != 0 ? "line " + line + ": " : "") + msg;
    }
}
