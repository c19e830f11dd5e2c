package io.kubelauncher.gotemplate.sprig;

import io.kubelauncher.gotemplate.format.GoFmt;
import io.kubelauncher.gotemplate.function.GoValue;
import io.kubelauncher.gotemplate.function.TypedList;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What Sprig learns through Go reflection, answered from our value model. */
final class GoReflect {

    private GoReflect() {
    }

    /** {@code reflect.ValueOf(v).Kind().String()}. */
    static String kindOf(Object v) {
        if (v == null || v instanceof GoValue g && g.isNil()) {
            return "invalid";
        }
        if (v instanceof String) {
            return "string";
        }
        if (v instanceof Integer) {
            return "int";
        }
        if (v instanceof Long) {
            return "int64";
        }
        if (v instanceof Double) {
            return "float64";
        }
        if (v instanceof Boolean) {
            return "bool";
        }
        if (v instanceof List) {
            return "slice";
        }
        if (v instanceof Map) {
            return "map";
        }
        if (v instanceof GoValue g) {
            return g.goTypeName().startsWith("*") ? "ptr" : "struct";
        }
        return "invalid";
    }

    /** Sprig's {@code empty}: nil, zero numbers, false, and empty strings, slices and maps. */
    static boolean isEmpty(Object v) {
        if (v == null || v instanceof GoValue g && g.isNil()) {
            return true;
        }
        if (v instanceof String s) {
            return s.isEmpty();
        }
        if (v instanceof Boolean b) {
            return !b;
        }
        if (v instanceof Integer i) {
            return i == 0;
        }
        if (v instanceof Long l) {
            return l == 0;
        }
        if (v instanceof Double d) {
            return d == 0;
        }
        if (v instanceof List<?> l) {
            return l.isEmpty();
        }
        if (v instanceof Map<?, ?> m) {
            return m.isEmpty();
        }
        return false; // structs and non-nil pointers
    }

    /** {@code reflect.DeepEqual}: same dynamic types, equal contents; NaN is unequal to itself. */
    static boolean deepEqual(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a instanceof Double x && b instanceof Double y) {
            return x.doubleValue() == y.doubleValue();
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (!GoFmt.typeName(a).equals(GoFmt.typeName(b)) || x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!deepEqual(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (Map.Entry<?, ?> e : x.entrySet()) {
                if (!y.containsKey(e.getKey()) || !deepEqual(e.getValue(), y.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (a.getClass() != b.getClass()) {
            return false;
        }
        return Objects.equals(a, b);
    }

    /**
     * The elements of a slice argument, as Sprig's {@code reflect.TypeOf(list).Kind()} switch sees
     * it: a nil argument panics (nil dereference), a non-slice is {@code null} so the caller can
     * report its own error with {@link #kindOf}.
     */
    static List<?> sliceOrNull(Object v) {
        if (v == null) {
            throw GoPanic.nilDereference();
        }
        return v instanceof List<?> l ? l : null;
    }

    /** True for slices whose Go element type is not interface {} (they keep their type when sliced). */
    static boolean isTyped(Object v) {
        return v instanceof TypedList;
    }
}
