package io.kubelauncher.gotemplate.format;

import io.kubelauncher.gotemplate.function.GoValue;
import io.kubelauncher.gotemplate.function.TypedList;

import java.util.List;
import java.util.Map;

/**
 * Go's {@code fmt} package for the template value model ({@code null}, Integer, Long, Double,
 * String, Boolean, List, Map with String keys, {@link GoValue}).
 *
 * <p>Stateless: each call formats into its own buffer.
 */
public final class GoFmt {

    private GoFmt() {
    }

    /** {@code fmt.Sprint}: operands in their default format, a space between two non-string operands. */
    public static String sprint(Object... args) {
        Printer p = new Printer();
        p.doPrint(args);
        return p.result();
    }

    /** {@code fmt.Sprintln}: spaces between all operands and a final newline. */
    public static String sprintln(Object... args) {
        Printer p = new Printer();
        p.doPrintln(args);
        return p.result();
    }

    /** {@code fmt.Sprintf}, with Go's in-band error forms such as {@code %!d(float64=8080)}. */
    public static String sprintf(String format, Object... args) {
        Printer p = new Printer();
        p.doPrintf(format, args);
        return p.result();
    }

    /**
     * {@code fmt.Sprint(v)} for a single value: how the executor prints a pipeline's value
     * ({@code 1e+06}, {@code [a b]}, {@code map[a:1]}, {@code <nil>}, a Stringer's text).
     */
    public static String formatValue(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Integer || value instanceof Long) {
            return value.toString();
        }
        if (value instanceof Double d) {
            return GoStrconv.formatFloat(d);
        }
        if (value instanceof Boolean b) {
            return b ? "true" : "false";
        }
        Printer p = new Printer();
        p.printArg(value, 'v');
        return p.result();
    }

    /** {@code fmt.Sprintf("%T", v)}: the dynamic Go type of a value, {@code <nil>} for nil. */
    public static String typeName(Object value) {
        if (value == null || value instanceof GoValue g && g.isNil()) {
            return "<nil>";
        }
        if (value instanceof String) {
            return "string";
        }
        if (value instanceof Integer) {
            return "int";
        }
        if (value instanceof Long) {
            return "int64";
        }
        if (value instanceof Double) {
            return "float64";
        }
        if (value instanceof Boolean) {
            return "bool";
        }
        if (value instanceof TypedList<?> t) {
            return t.sliceType().goName();
        }
        if (value instanceof List) {
            return "[]interface {}";
        }
        if (value instanceof Map) {
            return "map[string]interface {}";
        }
        if (value instanceof GoValue g) {
            return g.goTypeName();
        }
        return value.getClass().getName();
    }
}
