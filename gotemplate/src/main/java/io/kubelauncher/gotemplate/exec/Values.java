package io.kubelauncher.gotemplate.exec;

import io.kubelauncher.gotemplate.format.GoFmt;
import io.kubelauncher.gotemplate.function.GoType;
import io.kubelauncher.gotemplate.function.GoValue;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The executor's view of values. Besides the plain value model of {@link GoType}, two markers stand
 * for what Go's reflection distinguishes: {@link #NO_VALUE} (an invalid {@code reflect.Value}: a
 * missing key, a variable holding nothing) versus {@code null} (a nil {@code interface{}}, e.g. a JSON
 * null read from a map).
 */
final class Values {

    /** Go's invalid (zero) {@code reflect.Value}: prints as {@code <no value>}. */
    static final Object NO_VALUE = new Marker("<no value>");
    /** Go's {@code missingVal}: no piped value is passed to the command. */
    static final Object NO_FINAL = new Marker("<missing>");

    /** The static type of the builtins' {@code reflect.Value} parameters: values pass unconverted. */
    static final GoType REFLECT_VALUE = GoType.object("reflect.Value", Marker.class);

    private Values() {
    }

    private static final class Marker {
        private final String name;

        Marker(String name) {
            this.name = name;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** Go's {@code indirectInterface}: a nil interface becomes no value. */
    static Object indirectInterface(Object v) {
        return v == null ? NO_VALUE : v;
    }

    /** Go's {@code isTrue} on an already indirected value: the zero value of its type is false. */
    static boolean isTrue(Object v) {
        if (v == NO_VALUE || v == null) {
            return false;
        }
        if (v instanceof Boolean) {
            return (Boolean) v;
        }
        if (v instanceof String) {
            return !((String) v).isEmpty();
        }
        if (v instanceof Double) {
            return (Double) v != 0;
        }
        if (v instanceof Integer) {
            return (Integer) v != 0;
        }
        if (v instanceof Long) {
            return (Long) v != 0;
        }
        if (v instanceof List) {
            return !((List<?>) v).isEmpty();
        }
        if (v instanceof Map) {
            return !((Map<?, ?>) v).isEmpty();
        }
        if (v instanceof Complex) {
            Complex c = (Complex) v;
            return c.re() != 0 || c.im() != 0;
        }
        return true; // structs are always true
    }

    /** The dynamic Go type name, as in {@code wrong type for value; expected string; got float64}. */
    static String typeName(Object v) {
        if (v instanceof Complex) {
            return "complex128";
        }
        return GoFmt.typeName(v);
    }

    /** Go's {@code len} of a string: its UTF-8 byte count. */
    static int utf8Length(String s) {
        int n = s.length();
        int bytes = n;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                if (c < 0x800) {
                    bytes++;
                } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    bytes += 2; // 4 bytes for 2 chars
                    i++;
                } else {
                    bytes += 2;
                }
            }
        }
        return bytes;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A Go {@code complex128} from an imaginary template literal such as {@code 2i}. */
    record Complex(double re, double im) implements GoValue {
        @Override
        public String goTypeName() {
            return "complex128";
        }

        @Override
        public String goString() {
            return "(" + GoFmt.formatValue(re) + signed(im) + "i)";
        }

        private static String signed(double v) {
            String s = GoFmt.formatValue(v);
            return s.startsWith("-") || s.startsWith("+") ? s : "+" + s;
        }
    }
}
