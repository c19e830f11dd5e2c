package io.kubelauncher.gotemplate.format;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The parts of Go's {@code strconv} package that templates observe: float formatting and string
 * quoting. Stateless; every method is a pure function.
 */
public final class GoStrconv {

    private static final char[] LOWER_HEX = "0123456789abcdef".toCharArray();

    private GoStrconv() {
    }

    /** {@code strconv.FormatFloat(v, 'g', -1, 64)}: how Go prints a float64 by default. */
    public static String formatFloat(double v) {
        return formatFloat(v, 'g', -1);
    }

    /**
     * {@code strconv.FormatFloat(v, fmt, prec, 64)} for fmt in {@code b e E f g G x X}; a negative
     * precision means the shortest representation that reads back as {@code v}.
     */
    public static String formatFloat(double v, char fmt, int prec) {
        StringBuilder out = new StringBuilder(24);
        appendFloat(out, v, fmt, prec);
        return out.toString();
    }

    static void appendFloat(StringBuilder out, double v, char fmt, int prec) {
        if (Double.isNaN(v)) {
            out.append("NaN");
            return;
        }
        if (Double.isInfinite(v)) {
            out.append(v > 0 ? "+Inf" : "-Inf");
            return;
        }
        boolean neg = (Double.doubleToRawLongBits(v) & Long.MIN_VALUE) != 0;
        if (fmt == 'b') {
            appendBinary(out, v, neg);
            return;
        }
        if (fmt == 'x' || fmt == 'X') {
            appendHex(out, v, neg, fmt, prec);
            return;
        }
        double abs = Math.abs(v);
        boolean shortest = prec < 0;
        Decimal digs;
        if (shortest) {
            digs = Decimal.shortest(abs);
            switch (fmt) {
                case 'e', 'E' -> prec = Math.max(digs.nd() - 1, 0);
                case 'f' -> prec = Math.max(digs.nd() - digs.dp(), 0);
                case 'g', 'G' -> prec = digs.nd();
                default -> { }
            }
        } else if (fmt == 'f') {
            digs = Decimal.fixedFraction(abs, prec);
        } else {
            int digits = prec;
            switch (fmt) {
                case 'e', 'E' -> digits++;
                case 'g', 'G' -> {
                    if (prec == 0) {
                        prec = 1;
                    }
                    digits = prec;
                }
                default -> digits = 1;
            }
            digs = Decimal.significant(abs, digits);
        }
        formatDigits(out, shortest, neg, digs, prec, fmt);
    }

    private static void formatDigits(StringBuilder out, boolean shortest, boolean neg, Decimal digs, int prec,
            char fmt) {
        switch (fmt) {
            case 'e', 'E' -> fmtE(out, neg, digs, prec, fmt);
            case 'f' -> fmtF(out, neg, digs, prec);
            case 'g', 'G' -> {
                int eprec = prec;
                if (eprec > digs.nd() && digs.nd() >= digs.dp()) {
                    eprec = digs.nd();
                }
                if (shortest) {
                    eprec = 6;
                }
                int exp = digs.dp() - 1;
                if (exp < -4 || exp >= eprec) {
                    if (prec > digs.nd()) {
                        prec = digs.nd();
                    }
                    fmtE(out, neg, digs, prec - 1, fmt == 'g' ? 'e' : 'E');
                    return;
                }
                if (prec > digs.dp()) {
                    prec = digs.nd();
                }
                fmtF(out, neg, digs, Math.max(prec - digs.dp(), 0));
            }
            default -> out.append('%').append(fmt);
        }
    }

    private static void fmtE(StringBuilder out, boolean neg, Decimal d, int prec, char fmt) {
        if (neg) {
            out.append('-');
        }
        String digits = d.digits();
        out.append(d.nd() != 0 ? digits.charAt(0) : '0');
        if (prec > 0) {
            out.append('.');
            int i = 1;
            int m = Math.min(d.nd(), prec + 1);
            if (i < m) {
                out.append(digits, i, m);
                i = m;
            }
            for (; i <= prec; i++) {
                out.append('0');
            }
        }
        out.append(fmt);
        int exp = d.nd() == 0 ? 0 : d.dp() - 1;
        if (exp < 0) {
            out.append('-');
            exp = -exp;
        } else {
            out.append('+');
        }
        if (exp < 10) {
            out.append('0').append((char) ('0' + exp));
        } else if (exp < 100) {
            out.append((char) ('0' + exp / 10)).append((char) ('0' + exp % 10));
        } else {
            out.append((char) ('0' + exp / 100)).append((char) ('0' + exp / 10 % 10)).append((char) ('0' + exp % 10));
        }
    }

    private static void fmtF(StringBuilder out, boolean neg, Decimal d, int prec) {
        if (neg) {
            out.append('-');
        }
        String digits = d.digits();
        if (d.dp() > 0) {
            int m = Math.min(d.nd(), d.dp());
            out.append(digits, 0, m);
            for (; m < d.dp(); m++) {
                out.append('0');
            }
        } else {
            out.append('0');
        }
        if (prec > 0) {
            out.append('.');
            for (int i = 0; i < prec; i++) {
                int j = d.dp() + i;
                out.append(0 <= j && j < d.nd() ? digits.charAt(j) : '0');
            }
        }
    }

    /** Go's {@code %b} for floats: decimal mantissa, "p", binary exponent ({@code 4503599627370496p-52}). */
    private static void appendBinary(StringBuilder out, double v, boolean neg) {
        long bits = Double.doubleToRawLongBits(v);
        int exp = (int) ((bits >>> 52) & 0x7FF);
        long mant = bits & ((1L << 52) - 1);
        if (exp == 0) {
            exp++;
        } else {
            mant |= 1L << 52;
        }
        exp += -1023 - 52;
        if (neg) {
            out.append('-');
        }
        out.append(mant).append('p');
        if (exp >= 0) {
            out.append('+');
        }
        out.append(exp);
    }

    /** Go's {@code %x} for floats: {@code 0x1.8p+01}, mantissa rounded half-to-even to prec hex digits. */
    private static void appendHex(StringBuilder out, double v, boolean neg, char fmt, int prec) {
        long bits = Double.doubleToRawLongBits(v);
        int exp = (int) ((bits >>> 52) & 0x7FF);
        long mant = bits & ((1L << 52) - 1);
        if (exp == 0) {
            exp++;
        } else {
            mant |= 1L << 52;
        }
        exp += -1023;
        if (mant == 0) {
            exp = 0;
        }
        // Shift the leading 1 to bit 60 (Go's layout), normalising subnormals.
        mant <<= 60 - 52;
        while (mant != 0 && (mant & (1L << 60)) == 0) {
            mant <<= 1;
            exp--;
        }
        if (prec >= 0 && prec < 15) {
            int shift = prec * 4;
            long extra = (mant << shift) & ((1L << 60) - 1);
            mant >>>= 60 - shift;
            if ((extra | (mant & 1)) > (1L << 59)) {
                mant++;
            }
            mant <<= 60 - shift;
            if ((mant & (1L << 61)) != 0) {
                mant >>>= 1;
                exp++;
            }
        }
        char[] hex = fmt == 'X' ? "0123456789ABCDEF".toCharArray() : LOWER_HEX;
        if (neg) {
            out.append('-');
        }
        out.append('0').append(fmt).append((char) ('0' + ((mant >>> 60) & 1)));
        mant <<= 4;
        if (prec < 0 && mant != 0) {
            out.append('.');
            while (mant != 0) {
                out.append(hex[(int) ((mant >>> 60) & 15)]);
                mant <<= 4;
            }
        } else if (prec > 0) {
            out.append('.');
            for (int i = 0; i < prec; i++) {
                out.append(hex[(int) ((mant >>> 60) & 15)]);
                mant <<= 4;
            }
        }
        out.append(fmt == 'X' ? 'P' : 'p');
        if (exp < 0) {
            out.append('-');
            exp = -exp;
        } else {
            out.append('+');
        }
        if (exp < 10) {
            out.append('0');
        }
        out.append(exp);
    }

    /** {@code strconv.Quote}: a double-quoted Go string literal. */
    public static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2);
        appendQuoted(out, s, '"', false);
        return out.toString();
    }

    /** {@code strconv.QuoteToASCII}. */
    public static String quoteToAscii(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2);
        appendQuoted(out, s, '"', true);
        return out.toString();
    }

    /** {@code strconv.QuoteRune} / {@code QuoteRuneToASCII}. */
    public static String quoteRune(int r, boolean asciiOnly) {
        StringBuilder out = new StringBuilder(8);
        if (r < 0 || r > Character.MAX_CODE_POINT || (r >= Character.MIN_SURROGATE && r <= Character.MAX_SURROGATE)) {
            r = 0xFFFD;
        }
        out.append('\'');
        appendEscapedRune(out, r, '\'', asciiOnly);
        out.append('\'');
        return out.toString();
    }

    static void appendQuoted(StringBuilder out, String s, char quote, boolean asciiOnly) {
        out.append(quote);
        for (int i = 0; i < s.length(); ) {
            int r = s.codePointAt(i);
            i += Character.charCount(r);
            if (Character.isSurrogate((char) r)) {
                r = 0xFFFD; // a lone surrogate cannot come from UTF-8; Go would see U+FFFD
            }
            appendEscapedRune(out, r, quote, asciiOnly);
        }
        out.append(quote);
    }

    private static void appendEscapedRune(StringBuilder out, int r, char quote, boolean asciiOnly) {
        if (r == quote || r == '\\') {
            out.append('\\').append((char) r);
            return;
        }
        if (asciiOnly) {
            if (r < 0x80 && isPrint(r)) {
                out.append((char) r);
                return;
            }
        } else if (isPrint(r)) {
            out.appendCodePoint(r);
            return;
        }
        switch (r) {
            case 0x07 -> out.append("\\a");
            case '\b' -> out.append("\\b");
            case '\f' -> out.append("\\f");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            case 0x0B -> out.append("\\v");
            default -> {
                if (r < ' ' || r == 0x7F) {
                    out.append("\\x").append(LOWER_HEX[r >> 4]).append(LOWER_HEX[r & 0xF]);
                } else if (r < 0x10000) {
                    out.append("\\u");
                    appendHex(out, r, 4);
                } else {
                    out.append("\\U");
                    appendHex(out, r, 8);
                }
            }
        }
    }

    private static void appendHex(StringBuilder out, int v, int digits) {
        for (int s = (digits - 1) * 4; s >= 0; s -= 4) {
            out.append(LOWER_HEX[(v >> s) & 0xF]);
        }
    }

    /**
     * {@code strconv.IsPrint}: letters, marks, numbers, punctuation, symbols and the ASCII space
     * (Java's Unicode tables stand in for Go's; they differ only for recently added characters).
     */
    public static boolean isPrint(int r) {
        if (r < 0x80) {
            return r >= 0x20 && r < 0x7F;
        }
        switch (Character.getType(r)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.NON_SPACING_MARK,
                    Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK, Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER, Character.OTHER_NUMBER, Character.CONNECTOR_PUNCTUATION,
                    Character.DASH_PUNCTUATION, Character.START_PUNCTUATION, Character.END_PUNCTUATION,
                    Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
                    Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> {
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /** {@code strconv.CanBackquote}: no control characters but tab, no backquote, no BOM. */
    public static boolean canBackquote(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < ' ' && c != '\t') || c == '`' || c == 0x7F || c == '\uFEFF' || Character.isSurrogate(c)
                    && !(Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(++i)))) {
                return false;
            }
        }
        return true;
    }

    /**
     * A non-negative decimal d.ddd × 10^(dp - 1) without leading or trailing zeros, as Go's
     * {@code decimalSlice}: {@code digits} "" and {@code dp} 0 for zero.
     */
    record Decimal(String digits, int dp) {

        int nd() {
            return digits.length();
        }

        /** The shortest digits that read back as {@code abs} (Go's Ryu shortest mode). */
        static Decimal shortest(double abs) {
            if (abs == 0) {
                return new Decimal("", 0);
            }
            if (abs < 1e15 && abs == Math.rint(abs)) {
                // Integral values below 10^15 are exact in decimal; their digits are already shortest.
                return trimmed(Long.toString((long) abs), 0);
            }
            Decimal candidate = parseJavaDigits(Double.toString(abs));
            // Java 17's Double.toString occasionally emits more digits than needed; shorten while the
            // correctly rounded shorter decimal still reads back as the same double.
            BigDecimal exact = null;
            while (candidate.nd() > 1) {
                if (exact == null) {
                    exact = new BigDecimal(abs);
                }
                BigDecimal rounded = exact.round(new MathContext(candidate.nd() - 1, RoundingMode.HALF_EVEN));
                if (rounded.doubleValue() != abs) {
                    break;
                }
                candidate = of(rounded);
            }
            return candidate;
        }

        /** {@code abs} correctly rounded (half to even) to {@code n} significant digits. */
        static Decimal significant(double abs, int n) {
            if (abs == 0) {
                return new Decimal("", 0);
            }
            return of(new BigDecimal(abs).round(new MathContext(Math.max(n, 1), RoundingMode.HALF_EVEN)));
        }

        /** {@code abs} correctly rounded (half to even) to {@code prec} digits after the point. */
        static Decimal fixedFraction(double abs, int prec) {
            if (abs == 0) {
                return new Decimal("", 0);
            }
            return of(new BigDecimal(abs).setScale(prec, RoundingMode.HALF_EVEN));
        }

        private static Decimal of(BigDecimal value) {
            if (value.signum() == 0) {
                return new Decimal("", 0);
            }
            BigDecimal stripped = value.stripTrailingZeros();
            String unscaled = stripped.unscaledValue().toString();
            return new Decimal(unscaled, unscaled.length() - stripped.scale());
        }

        /** Parses Java's "1.2345E-5" or "123.45" forms. */
        private static Decimal parseJavaDigits(String s) {
            int e = s.indexOf('E');
            int exp10 = 0;
            String mantissa = s;
            if (e >= 0) {
                exp10 = Integer.parseInt(s.substring(e + 1));
                mantissa = s.substring(0, e);
            }
            int dot = mantissa.indexOf('.');
            String intPart = dot >= 0 ? mantissa.substring(0, dot) : mantissa;
            String fracPart = dot >= 0 ? mantissa.substring(dot + 1) : "";
            return trimmed(intPart + fracPart, exp10 - fracPart.length());
        }

        /** The decimal allDigits × 10^exp10 (allDigits may carry leading and trailing zeros). */
        private static Decimal trimmed(String allDigits, int exp10) {
            int lead = 0;
            while (lead < allDigits.length() && allDigits.charAt(lead) == '0') {
                lead++;
            }
            int end = allDigits.length();
            while (end > lead && allDigits.charAt(end - 1) == '0') {
                end--;
            }
            if (lead == end) {
                return new Decimal("", 0);
            }
            int dp = allDigits.length() + exp10 - lead;
            return new Decimal(allDigits.substring(lead, end), dp);
        }
    }
}
