package io.kubelauncher.gotemplate.parse;

import io.kubelauncher.gotemplate.format.GoStrconv;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * Go's literal syntax as the template parser needs it: {@code strconv.Unquote}, {@code UnquoteChar},
 * {@code ParseInt}/{@code ParseUint}/{@code ParseFloat} with base prefixes and underscores.
 */
final class GoLiterals {

    /** Go's {@code strconv.ErrSyntax} text. */
    static final String INVALID_SYNTAX = "invalid syntax";

    private static final BigInteger MAX_UINT64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    private static final BigInteger MIN_INT64 = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger MAX_INT64 = BigInteger.valueOf(Long.MAX_VALUE);

    private GoLiterals() {
    }

    static String quote(String s) {
        return GoStrconv.quote(s);
    }

    static boolean isPrint(int r) {
        return GoStrconv.isPrint(r);
    }

    /** A failed conversion; the message is Go's error text. */
    static final class SyntaxException extends Exception {
        private static final long serialVersionUID = 1L;

        SyntaxException(String message) {
            super(message, null, false, false);
        }
    }

    /** {@code strconv.Unquote} for a double-quoted or back-quoted string token. */
    static String unquote(String quoted) throws SyntaxException {
        int n = quoted.length();
        if (n < 2 || quoted.charAt(0) != quoted.charAt(n - 1)) {
            throw new SyntaxException(INVALID_SYNTAX);
        }
        char q = quoted.charAt(0);
        String body = quoted.substring(1, n - 1);
        if (q == '`') {
            if (body.indexOf('`') >= 0) {
                throw new SyntaxException(INVALID_SYNTAX);
            }
            return body.indexOf('\r') >= 0 ? body.replace("\r", "") : body;
        }
        if (q != '"') {
            throw new SyntaxException(INVALID_SYNTAX);
        }
        if (body.indexOf('\\') < 0 && body.indexOf('"') < 0 && body.indexOf('\n') < 0) {
            return body;
        }
        Utf8Builder out = new Utf8Builder();
        int[] cursor = {0};
        while (cursor[0] < body.length()) {
            char c = body.charAt(cursor[0]);
            if (c == '"' || c == '\n') {
                throw new SyntaxException(INVALID_SYNTAX);
            }
            unquoteChar(body, cursor, '"', out);
        }
        return out.toString();
    }

    /**
     * Decodes one character or escape at {@code cursor[0]} of {@code s} (Go's {@code UnquoteChar}),
     * appending it and advancing the cursor.
     *
     * @return the rune value (for \x and octal escapes: the byte value)
     */
    static int unquoteChar(String s, int[] cursor, char quote, Utf8Builder out) throws SyntaxException {
        int i = cursor[0];
        int c = s.codePointAt(i);
        if (c == quote && (quote == '\'' || quote == '"')) {
            throw new SyntaxException(INVALID_SYNTAX);
        }
        if (c != '\\') {
            cursor[0] = i + Character.charCount(c);
            out.appendCodePoint(c);
            return c;
        }
        if (i + 1 >= s.length()) {
            throw new SyntaxException(INVALID_SYNTAX);
        }
        char e = s.charAt(i + 1);
        i += 2;
        int value;
        switch (e) {
            case 'a': value = 7; break;
            case 'b': value = '\b'; break;
            case 'f': value = '\f'; break;
            case 'n': value = '\n'; break;
            case 'r': value = '\r'; break;
            case 't': value = '\t'; break;
            case 'v': value = 0x0b; break;
            case 'x':
            case 'u':
            case 'U': {
                int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                if (i + digits > s.length()) {
                    throw new SyntaxException(INVALID_SYNTAX);
                }
                int v = 0;
                for (int k = 0; k < digits; k++) {
                    int d = Character.digit(s.charAt(i + k), 16);
                    if (d < 0) {
                        throw new SyntaxException(INVALID_SYNTAX);
                    }
                    v = (v << 4) | d;
                }
                i += digits;
                if (e == 'x') {
                    cursor[0] = i;
                    out.appendByte(v);
                    return v;
                }
                if (v < 0 || v > Character.MAX_CODE_POINT || (v >= 0xD800 && v <= 0xDFFF)) {
                    throw new SyntaxException(INVALID_SYNTAX);
                }
                cursor[0] = i;
                out.appendCodePoint(v);
                return v;
            }
            case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
                int v = e - '0';
                if (i + 2 > s.length()) {
                    throw new SyntaxException(INVALID_SYNTAX);
                }
                for (int k = 0; k < 2; k++) {
                    int d = s.charAt(i + k) - '0';
                    if (d < 0 || d > 7) {
                        throw new SyntaxException(INVALID_SYNTAX);
                    }
                    v = (v << 3) | d;
                }
                i += 2;
                if (v > 255) {
                    throw new SyntaxException(INVALID_SYNTAX);
                }
                cursor[0] = i;
                out.appendByte(v);
                return v;
            }
            case '\\': value = '\\'; break;
            case '\'':
            case '"':
                if (e != quote) {
                    throw new SyntaxException(INVALID_SYNTAX);
                }
                value = e;
                break;
            default:
                throw new SyntaxException(INVALID_SYNTAX);
        }
        cursor[0] = i;
        out.appendCodePoint(value);
        return value;
    }

    /** The rune of a character constant token such as {@code 'a'} or {@code '\n'}. */
    static int charConstant(String text) throws SyntaxException {
        int[] cursor = {1};
        if (text.length() < 2) {
            throw new SyntaxException(INVALID_SYNTAX);
        }
        int r = unquoteChar(text, cursor, '\'', new Utf8Builder());
        if (!text.substring(cursor[0]).equals("'")) {
            throw new SyntaxException("malformed character constant: " + text);
        }
        return r;
    }

    /** Go's {@code ParseUint(text, 0, 64)}; null when it fails. */
    static BigInteger parseUint(String text) {
        BigInteger v = parseBase0(text, false);
        if (v == null || v.signum() < 0 || v.compareTo(MAX_UINT64) > 0) {
            return null;
        }
        return v;
    }

    /** Go's {@code ParseInt(text, 0, 64)}; null when it fails. */
    static Long parseInt(String text) {
        BigInteger v = parseBase0(text, true);
        if (v == null || v.compareTo(MIN_INT64) < 0 || v.compareTo(MAX_INT64) > 0) {
            return null;
        }
        return v.longValue();
    }

    private static BigInteger parseBase0(String s0, boolean signed) {
        String s = s0;
        if (s.isEmpty()) {
            return null;
        }
        boolean neg = false;
        if (signed && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
            neg = s.charAt(0) == '-';
            s = s.substring(1);
            if (s.isEmpty()) {
                return null;
            }
        }
        int base = 10;
        if (s.charAt(0) == '0') {
            if (s.length() >= 3 && (s.charAt(1) == 'x' || s.charAt(1) == 'X')) {
                base = 16;
                s = s.substring(2);
            } else if (s.length() >= 3 && (s.charAt(1) == 'o' || s.charAt(1) == 'O')) {
                base = 8;
                s = s.substring(2);
            } else if (s.length() >= 3 && (s.charAt(1) == 'b' || s.charAt(1) == 'B')) {
                base = 2;
                s = s.substring(2);
            } else {
                base = 8;
                s = s.substring(1);
                if (s.isEmpty()) {
                    return BigInteger.ZERO;
                }
            }
        }
        boolean underscores = false;
        StringBuilder digits = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '_') {
                underscores = true;
                continue;
            }
            if (Character.digit(c, base) < 0 || c > 'z') {
                return null;
            }
            digits.append(c);
        }
        if (digits.length() == 0) {
            return null;
        }
        if (underscores && !underscoreOK(s0)) {
            return null;
        }
        BigInteger v = new BigInteger(digits.toString(), base);
        return neg ? v.negate() : v;
    }

    /** Go's {@code strconv.ParseFloat(text, 64)}; null when it fails (syntax or range). */
    static Double parseFloat(String s0) {
        String s = s0;
        if (s.indexOf('_') >= 0) {
            if (!underscoreOK(s0)) {
                return null;
            }
            s = s.replace("_", "");
        }
        int i = 0;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        String rest = s.substring(i);
        String lower = rest.toLowerCase(java.util.Locale.ROOT);
        if (lower.equals("inf") || lower.equals("infinity")) {
            return s.charAt(0) == '-' ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (lower.equals("nan") && i == 0) {
            return Double.NaN;
        }
        boolean hex = lower.startsWith("0x");
        int j = hex ? 2 : 0;
        boolean sawDigits = false;
        boolean sawDot = false;
        for (; j < lower.length(); j++) {
            char c = lower.charAt(j);
            if (c == '.') {
                if (sawDot) {
                    return null;
                }
                sawDot = true;
            } else if (Character.digit(c, hex ? 16 : 10) >= 0 && c <= 'f') {
                sawDigits = true;
            } else {
                break;
            }
        }
        if (!sawDigits) {
            return null;
        }
        if (j < lower.length()) {
            char e = lower.charAt(j);
            if (e != (hex ? 'p' : 'e')) {
                return null;
            }
            j++;
            if (j < lower.length() && (lower.charAt(j) == '+' || lower.charAt(j) == '-')) {
                j++;
            }
            int expStart = j;
            while (j < lower.length() && Character.isDigit(lower.charAt(j)) && lower.charAt(j) <= '9') {
                j++;
            }
            if (j == expStart || j != lower.length()) {
                return null;
            }
        } else if (hex) {
            return null; // hexadecimal mantissa requires a 'p' exponent
        }
        double v;
        try {
            v = Double.parseDouble(hex ? s : s);
        } catch (NumberFormatException e) {
            return null;
        }
        if (Double.isInfinite(v)) {
            return null; // value out of range
        }
        return v;
    }

    /** Go's rule for digit-separating underscores. */
    static boolean underscoreOK(String s) {
        char saw = '^';
        int i = 0;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            s = s.substring(1);
        }
        boolean hex = false;
        if (s.length() >= 2 && s.charAt(0) == '0') {
            char b = Character.toLowerCase(s.charAt(1));
            if (b == 'b' || b == 'o' || b == 'x') {
                i = 2;
                saw = '0';
                hex = b == 'x';
            }
        }
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            char lc = Character.toLowerCase(c);
            if ('0' <= c && c <= '9' || hex && 'a' <= lc && lc <= 'f') {
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

    /** Collects decoded characters and raw bytes (from \x and octal escapes) as UTF-8, then decodes. */
    static final class Utf8Builder {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        void appendCodePoint(int cp) {
            byte[] b = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
            bytes.write(b, 0, b.length);
        }

        void appendByte(int b) {
            bytes.write(b);
        }

        @Override
        public String toString() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
