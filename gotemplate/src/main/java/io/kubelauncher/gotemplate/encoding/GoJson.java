package io.kubelauncher.gotemplate.encoding;

import io.kubelauncher.gotemplate.format.GoStrconv;
import io.kubelauncher.gotemplate.format.GoStringOrder;
import io.kubelauncher.gotemplate.function.GoValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Go's {@code encoding/json} for the template value model: {@code Marshal} (sorted keys, HTML
 * escaping, Go's float format), {@code MarshalIndent}, the Encoder without HTML escaping, and
 * {@code Unmarshal} into {@code interface{}} with Go's syntax error messages.
 */
public final class GoJson {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private GoJson() {
    }

    /** {@code json.Marshal(v)}. */
    public static String marshal(Object v) throws JsonException {
        StringBuilder out = new StringBuilder(64);
        encode(out, v, true);
        return out.toString();
    }

    /** {@code json.Encoder} with {@code SetEscapeHTML(false)}, without the trailing newline. */
    public static String marshalRaw(Object v) throws JsonException {
        StringBuilder out = new StringBuilder(64);
        encode(out, v, false);
        return out.toString();
    }

    /** {@code json.MarshalIndent(v, prefix, indent)}. */
    public static String marshalIndent(Object v, String prefix, String indent) throws JsonException {
        StringBuilder out = new StringBuilder(64);
        encodeIndented(out, v, prefix, indent, 0);
        return out.toString();
    }

    private static void encode(StringBuilder out, Object v, boolean escapeHtml) throws JsonException {
        if (v == null) {
            out.append("null");
        } else if (v instanceof String s) {
            appendString(out, s, escapeHtml);
        } else if (v instanceof Boolean b) {
            out.append(b ? "true" : "false");
        } else if (v instanceof Integer || v instanceof Long) {
            out.append(v);
        } else if (v instanceof Double d) {
            appendFloat(out, d);
        } else if (v instanceof Map<?, ?> m) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : sortedEntries(m)) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                appendString(out, e.getKey(), escapeHtml);
                out.append(':');
                encode(out, e.getValue(), escapeHtml);
            }
            out.append('}');
        } else if (v instanceof List<?> l) {
            out.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                encode(out, l.get(i), escapeHtml);
            }
            out.append(']');
        } else if (v instanceof JsonStruct st) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : st.fields().entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                appendString(out, e.getKey(), escapeHtml);
                out.append(':');
                encode(out, e.getValue(), escapeHtml);
            }
            out.append('}');
        } else if (v instanceof JsonMarshaler j) {
            encode(out, j.toJsonValue(), escapeHtml);
        } else if (v instanceof GoValue) {
            out.append("{}");
        } else {
            throw new JsonException("json: unsupported type: " + v.getClass().getName());
        }
    }

    private static void encodeIndented(StringBuilder out, Object v, String prefix, String indent, int depth)
            throws JsonException {
        if (v instanceof JsonMarshaler j) {
            v = j.toJsonValue();
        }
        if (v instanceof JsonStruct st && !st.fields().isEmpty() || v instanceof Map<?, ?> m && !m.isEmpty()) {
            out.append('{');
            boolean first = true;
            List<Map.Entry<String, Object>> entries = v instanceof JsonStruct st2
                    ? new ArrayList<>(st2.fields().entrySet()) : sortedEntries((Map<?, ?>) v);
            for (Map.Entry<String, Object> e : entries) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                newline(out, prefix, indent, depth + 1);
                appendString(out, e.getKey(), true);
                out.append(": ");
                encodeIndented(out, e.getValue(), prefix, indent, depth + 1);
            }
            newline(out, prefix, indent, depth);
            out.append('}');
        } else if (v instanceof List<?> l && !l.isEmpty()) {
            out.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                newline(out, prefix, indent, depth + 1);
                encodeIndented(out, l.get(i), prefix, indent, depth + 1);
            }
            newline(out, prefix, indent, depth);
            out.append(']');
        } else {
            encode(out, v, true);
        }
    }

    private static void newline(StringBuilder out, String prefix, String indent, int depth) {
        out.append('\n').append(prefix);
        for (int i = 0; i < depth; i++) {
            out.append(indent);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map.Entry<String, Object>> sortedEntries(Map<?, ?> m) {
        List<Map.Entry<String, Object>> entries = new ArrayList<>(((Map<String, Object>) m).entrySet());
        entries.sort((a, b) -> GoStringOrder.compare(a.getKey(), b.getKey()));
        return entries;
    }

    /** encoding/json's float format: like %g's shortest digits, but decimal between 1e-6 and 1e21. */
    public static void appendFloat(StringBuilder out, double f) throws JsonException {
        if (Double.isNaN(f) || Double.isInfinite(f)) {
            throw new JsonException("json: unsupported value: " + GoStrconv.formatFloat(f));
        }
        double abs = Math.abs(f);
        char fmt = 'f';
        if (abs != 0 && (abs < 1e-6 || abs >= 1e21)) {
            fmt = 'e';
        }
        String s = GoStrconv.formatFloat(f, fmt, -1);
        if (fmt == 'e') {
            int n = s.length();
            if (n >= 4 && s.charAt(n - 4) == 'e' && s.charAt(n - 3) == '-' && s.charAt(n - 2) == '0') {
                s = s.substring(0, n - 2) + s.charAt(n - 1);
            }
        }
        out.append(s);
    }

    /** The JSON text of a float64 as encoding/json writes it. */
    public static String formatFloat(double f) throws JsonException {
        StringBuilder out = new StringBuilder(24);
        appendFloat(out, f);
        return out.toString();
    }

    static void appendString(StringBuilder out, String s, boolean escapeHtml) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (c >= 0x20 && c != '"' && c != '\\' && (!escapeHtml || (c != '<' && c != '>' && c != '&'))) {
                    out.append(c);
                    continue;
                }
                switch (c) {
                    case '\\', '"' -> out.append('\\').append(c);
                    case '\b' -> out.append("\\b");
                    case '\f' -> out.append("\\f");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                }
            } else if (c == '\u2028' || c == '\u2029') {
                out.append("\\u202").append(HEX[c & 0xF]);
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    out.append(c).append(s.charAt(++i));
                } else {
                    out.append("\\ufffd");
                }
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    // ------------------------------------------------------------------ decoding

    /**
     * {@code json.Unmarshal} into {@code interface{}}: objects become maps, arrays lists, numbers
     * float64; the whole input must be one valid JSON value.
     */
    public static Object unmarshal(String text) throws JsonException {
        Decoder d = new Decoder(text);
        Object v = d.decodeDocument();
        if (d.typeError != null) {
            throw new JsonException(d.typeError);
        }
        return v;
    }

    /**
     * What {@code json.Unmarshal} leaves in its target even when it returns a type error (a number
     * out of float64 range becomes nil); syntax errors still throw.
     */
    public static Object unmarshalPartial(String text) throws JsonException {
        return new Decoder(text).decodeDocument();
    }

    /** A recursive-descent decoder that reports errors as Go's scanner words them. */
    private static final class Decoder {
        private final String s;
        private int i;
        private String typeError;

        Decoder(String s) {
            this.s = s;
        }

        Object decodeDocument() throws JsonException {
            Object v = value();
            skipSpace();
            if (i < s.length()) {
                throw syntax(s.charAt(i), "after top-level value");
            }
            return v;
        }

        private void skipSpace() {
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                    return;
                }
                i++;
            }
        }

        private JsonException eof() {
            return new JsonException("unexpected end of JSON input");
        }

        private JsonException syntax(char c, String context) {
            return new JsonException("invalid character " + quoteChar(c) + " " + context);
        }

        private char next() throws JsonException {
            if (i >= s.length()) {
                throw eof();
            }
            return s.charAt(i++);
        }

        private Object value() throws JsonException {
            skipSpace();
            char c = next();
            switch (c) {
                case '{':
                    return object();
                case '[':
                    return array();
                case '"':
                    return string();
                case 't':
                    literal("rue", "true");
                    return Boolean.TRUE;
                case 'f':
                    literal("alse", "false");
                    return Boolean.FALSE;
                case 'n':
                    literal("ull", "null");
                    return null;
                default:
                    if (c == '-' || (c >= '0' && c <= '9')) {
                        return number(i - 1);
                    }
                    throw syntax(c, "looking for beginning of value");
            }
        }

        /** Inside a literal or number Go's scanner sees the end of input as a space. */
        private char nextInToken() {
            return i < s.length() ? s.charAt(i++) : ' ';
        }

        private void literal(String rest, String word) throws JsonException {
            for (int k = 0; k < rest.length(); k++) {
                char c = nextInToken();
                if (c != rest.charAt(k)) {
                    throw syntax(c, "in literal " + word + " (expecting '" + rest.charAt(k) + "')");
                }
            }
        }

        private Map<String, Object> object() throws JsonException {
            Map<String, Object> m = new LinkedHashMap<>();
            skipSpace();
            char c = next();
            if (c == '}') {
                return m;
            }
            while (true) {
                if (c != '"') {
                    throw syntax(c, "looking for beginning of object key string");
                }
                String key = string();
                skipSpace();
                c = next();
                if (c != ':') {
                    throw syntax(c, "after object key");
                }
                m.put(key, value());
                skipSpace();
                c = next();
                if (c == '}') {
                    return m;
                }
                if (c != ',') {
                    throw syntax(c, "after object key:value pair");
                }
                skipSpace();
                c = next();
            }
        }

        private List<Object> array() throws JsonException {
            List<Object> l = new ArrayList<>();
            skipSpace();
            if (i < s.length() && s.charAt(i) == ']') {
                i++;
                return l;
            }
            while (true) {
                l.add(value());
                skipSpace();
                char c = next();
                if (c == ']') {
                    return l;
                }
                if (c != ',') {
                    throw syntax(c, "after array element");
                }
            }
        }

        private String string() throws JsonException {
            StringBuilder out = null;
            int start = i;
            while (true) {
                char c = next();
                if (c == '"') {
                    return out == null ? s.substring(start, i - 1) : out.toString();
                }
                if (c < 0x20) {
                    throw syntax(c, "in string literal");
                }
                if (c == '\\') {
                    if (out == null) {
                        out = new StringBuilder().append(s, start, i - 1);
                    }
                    char e = next();
                    switch (e) {
                        case '"', '\\', '/' -> out.append(e);
                        case 'b' -> out.append('\b');
                        case 'f' -> out.append('\f');
                        case 'n' -> out.append('\n');
                        case 'r' -> out.append('\r');
                        case 't' -> out.append('\t');
                        case 'u' -> {
                            int r = hex4();
                            if (Character.isHighSurrogate((char) r) && i + 6 <= s.length() && s.charAt(i) == '\\'
                                    && s.charAt(i + 1) == 'u') {
                                int save = i;
                                i += 2;
                                int r2 = hex4();
                                if (Character.isLowSurrogate((char) r2)) {
                                    out.append((char) r).append((char) r2);
                                    break;
                                }
                                i = save;
                                out.append('\uFFFD');
                            } else if (Character.isSurrogate((char) r)) {
                                out.append('\uFFFD');
                            } else {
                                out.append((char) r);
                            }
                        }
                        default -> throw syntax(e, "in string escape code");
                    }
                } else if (out != null) {
                    out.append(c);
                }
            }
        }

        private int hex4() throws JsonException {
            int r = 0;
            for (int k = 0; k < 4; k++) {
                char c = next();
                int d = Character.digit(c, 16);
                if (d < 0 || c >= 0x80) {
                    throw syntax(c, "in \\u hexadecimal character escape");
                }
                r = r * 16 + d;
            }
            return r;
        }

        private Double number(int start) throws JsonException {
            char c = s.charAt(start);
            if (c == '-') {
                c = nextInToken();
                if (c < '0' || c > '9') {
                    throw syntax(c, "in numeric literal");
                }
            }
            if (c != '0') {
                while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                    i++;
                }
            }
            if (i < s.length() && s.charAt(i) == '.') {
                i++;
                c = nextInToken();
                if (c < '0' || c > '9') {
                    throw syntax(c, "after decimal point in numeric literal");
                }
                while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                    i++;
                }
            }
            if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
                i++;
                c = nextInToken();
                if (c == '+' || c == '-') {
                    c = nextInToken();
                }
                if (c < '0' || c > '9') {
                    throw syntax(c, "in exponent of numeric literal");
                }
                while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                    i++;
                }
            }
            String text = s.substring(start, i);
            double d = Double.parseDouble(text);
            if (Double.isInfinite(d)) {
                // Go keeps decoding (the value becomes nil) and reports the first such error at the end.
                if (typeError == null) {
                    typeError = "json: cannot unmarshal number " + text + " into Go value of type float64";
                }
                return null;
            }
            return d;
        }

        /** Go's quoteChar, which sees the first UTF-8 byte of a non-ASCII character. */
        private static String quoteChar(char c) {
            if (c == '\'') {
                return "'\\''";
            }
            if (c == '"') {
                return "'\"'";
            }
            int b = c;
            if (c >= 0x80) {
                byte[] utf8 = String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                b = utf8[0] & 0xFF;
            }
            String q = GoStrconv.quote(new String(Character.toChars(b)));
            return "'" + q.substring(1, q.length() - 1) + "'";
        }
    }
}
