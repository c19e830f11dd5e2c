package io.kubelauncher.gotemplate.sprig;

import io.kubelauncher.gotemplate.format.GoFmt;
import io.kubelauncher.gotemplate.function.GoValue;

/**
 * Sprig's conversions: spf13/cast's {@code ToInt64}, {@code ToInt}, {@code ToFloat64} (errors
 * become zero) and Sprig's {@code strval}.
 */
final class Cast {

    private Cast() {
    }

    static long toInt64(Object v) {
        if (v instanceof Integer i) {
            return i;
        }
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof Double d) {
            return GoNumbers.truncate(d);
        }
        if (v instanceof String s) {
            try {
                return GoNumbers.parseInt(trimZeroDecimal(s), 0);
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        return 0;
    }

    static double toFloat64(Object v) {
        if (v instanceof Double d) {
            return d;
        }
        if (v instanceof Integer i) {
            return i;
        }
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof String s) {
            try {
                return GoNumbers.parseFloat(s);
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        return 0;
    }

    /** A Go {@code int} result: Integer when it fits (our {@code int}), else Long (Go's int is 64-bit). */
    static Object goInt(long v) {
        return v == (int) v ? Integer.valueOf((int) v) : Long.valueOf(v);
    }

    /** Sprig's strval: strings as they are, errors and Stringers by their text, the rest as {@code %v}. */
    static String strval(Object v) {
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof GoValue g && g.isStringer()) {
            return g.goString();
        }
        return GoFmt.formatValue(v);
    }

    /** spf13/cast's trimZeroDecimal: "12.00" → "12", "1.5" unchanged. */
    static String trimZeroDecimal(String s) {
        boolean foundZero = false;
        for (int i = s.length(); i > 0; i--) {
            char c = s.charAt(i - 1);
            if (c == '.') {
                if (foundZero) {
                    return s.substring(0, i - 1);
                }
            } else if (c == '0') {
                foundZero = true;
            } else {
                return s;
            }
        }
        return s;
    }
}
