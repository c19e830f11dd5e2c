package io.kubelauncher.gotemplate.sprig;

/**
 * Go's {@code strconv} number parsing ({@code ParseInt}, {@code ParseFloat}, {@code Atoi}) and
 * Go's float-to-integer conversion. Parsers throw {@link NumberFormatException} where Go returns an error.
 */
final class GoNumbers {

    private GoNumbers() {
    }

    /** Go's {@code int64(f)} on amd64: truncation, and 0x8000000000000000 for NaN or out of range. */
    static long truncate(double f) {
        if (Double.isNaN(f) || f >= 0x1p63 || f < -0x1p63) {
            return Long.MIN_VALUE;
        }
        return (long) f;
    }

    /** {@code strconv.ParseInt(s, base, 64)}; base 0 means Go literal syntax (prefixes, underscores). */
    static long parseInt(String s, int base) {
        if (s.isEmpty()) {
            throw new NumberFormatException("invalid syntax");
        }
        String body = s;
        boolean neg = false;
        if (body.charAt(0) == '+' || body.charAt(0) == '-') {
            neg = body.charAt(0) == '-';
            body = body.substring(1);
        }
        long magnitudeLimit = neg ? Long.MIN_VALUE : Long.MAX_VALUE;
        long u = parseUint(body, base, s);
        if (neg) {
            if (Long.compareUnsigned(u, Long.MIN_VALUE) > 0) {
                throw new NumberFormatException("value out of range");
            }
            return -u;
        }
        if (Long.compareUnsigned(u, magnitudeLimit) > 0) {
            throw new NumberFormatException("value out of range");
        }
        return u;
    }

    /** {@code strconv.ParseUint(s, base, 64)} as an unsigned long. */
    static long parseUint(String s, int base) {
        return parseUint(s, base, s);
    }

    private static long parseUint(String s, int base, String whole) {
        if (s.isEmpty()) {
            throw new NumberFormatException("invalid syntax");
        }
        boolean base0 = base == 0;
        int i = 0;
        if (base == 0) {
            base = 10;
            if (s.charAt(0) == '0') {
                if (s.length() >= 3 && (s.charAt(1) | 0x20) == 'b') {
                    base = 2;
                    i = 2;
                } else if (s.length() >= 3 && (s.charAt(1) | 0x20) == 'o') {
                    base = 8;
                    i = 2;
                } else if (s.length() >= 3 && (s.charAt(1) | 0x20) == 'x') {
                    base = 16;
                    i = 2;
                } else {
                    base = 8;
                    i = 1;
                }
            }
        }
        boolean underscores = false;
        long n = 0;
        boolean overflow = false;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            int d;
            if (c == '_' && base0) {
                underscores = true;
                continue;
            } else if (c >= '0' && c <= '9') {
                d = c - '0';
            } else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
                d = (c | 0x20) - 'a' + 10;
            } else {
                throw new NumberFormatException("invalid syntax");
            }
            if (d >= base) {
                throw new NumberFormatException("invalid syntax");
            }
            long hi = Math.multiplyHigh(n, base) + ((n >> 63) & base);
            long lo = n * base;
            if (hi != 0) {
                overflow = true;
            }
            long next = lo + d;
            if (Long.compareUnsigned(next, lo) < 0) {
                overflow = true;
            }
            n = next;
        }
        if (underscores && !underscoreOk(whole)) {
            throw new NumberFormatException("invalid syntax");
        }
        if (overflow) {
            throw new NumberFormatException("value out of range");
        }
        return n;
    }

    /** Go's underscoreOK: underscores only between digits or after a base prefix. */
    static boolean underscoreOk(String s) {
        char saw = '^';
        int i = 0;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            s = s.substring(1);
        }
        boolean hex = false;
        if (s.length() >= 2 && s.charAt(0) == '0'
                && ((s.charAt(1) | 0x20) == 'b' || (s.charAt(1) | 0x20) == 'o' || (s.charAt(1) | 0x20) == 'x')) {
            i = 2;
            saw = '0';
            hex = (s.charAt(1) | 0x20) == 'x';
        }
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9' || hex && (c | 0x20) >= 'a' && (c | 0x20) <= 'f') {
                saw = '0';
                continue;
            }
            if (c == '_') {
                if (saw != '0') {
                    return false;
                }
                saw = '_';
                continue;
            }
            if (saw == '_') {
                return false;
            }
            saw = '!';
        }
        return saw != '_';
    }

    /** {@code strconv.Atoi}: decimal, optional sign, no prefixes or underscores. */
    static long atoi(String s) {
        String body = s;
        if (!body.isEmpty() && (body.charAt(0) == '+' || body.charAt(0) == '-')) {
            body = body.substring(1);
        }
        if (body.isEmpty()) {
            throw new NumberFormatException("invalid syntax");
        }
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumberFormatException("invalid syntax");
            }
        }
        return parseInt(s, 10);
    }

    /**
     * {@code strconv.ParseFloat(s, 64)}: decimal and hexadecimal forms, "inf"/"infinity"/"nan" in
     * any case, underscores as in Go literals; out of range is an error.
     */
    static double parseFloat(String s) {
        if (s.isEmpty()) {
            throw new NumberFormatException("invalid syntax");
        }
        int i = 0;
        boolean neg = false;
        if (s.charAt(0) == '+' || s.charAt(0) == '-') {
            neg = s.charAt(0) == '-';
            i = 1;
        }
        String rest = s.substring(i);
        String lower = rest.toLowerCase(java.util.Locale.ROOT);
        if (lower.equals("inf") || lower.equals("infinity")) {
            return neg ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (lower.equals("nan") && i == 0) {
            return Double.NaN;
        }
        boolean hex = lower.startsWith("0x");
        String cleaned = rest;
        if (rest.indexOf('_') >= 0) {
            if (!underscoreOk(s)) {
                throw new NumberFormatException("invalid syntax");
            }
            cleaned = rest.replace("_", "");
        }
        if (!validFloatSyntax(cleaned, hex)) {
            throw new NumberFormatException("invalid syntax");
        }
        double v = Double.parseDouble(cleaned); // Java reads Go's hex form 0x1.8p1 too
        if (Double.isInfinite(v)) {
            throw new NumberFormatException("value out of range");
        }
        return neg ? -v : v;
    }

    private static boolean validFloatSyntax(String s, boolean hex) {
        int i = 0;
        int n = s.length();
        if (hex) {
            i = 2;
            boolean digits = false;
            while (i < n && Character.digit(s.charAt(i), 16) >= 0) {
                i++;
                digits = true;
            }
            if (i < n && s.charAt(i) == '.') {
                i++;
                while (i < n && Character.digit(s.charAt(i), 16) >= 0) {
                    i++;
                    digits = true;
                }
            }
            if (!digits || i >= n || (s.charAt(i) | 0x20) != 'p') {
                return false;
            }
            i++;
            return exponent(s, i);
        }
        boolean digits = false;
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
            digits = true;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
                digits = true;
            }
        }
        if (!digits) {
            return false;
        }
        if (i == n) {
            return true;
        }
        if ((s.charAt(i) | 0x20) != 'e') {
            return false;
        }
        return exponent(s, i + 1);
    }

    private static boolean exponent(String s, int i) {
        int n = s.length();
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        if (i >= n) {
            return false;
        }
        while (i < n) {
            char c = s.charAt(i++);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
