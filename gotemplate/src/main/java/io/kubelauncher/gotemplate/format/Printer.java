package io.kubelauncher.gotemplate.format;

import io.kubelauncher.gotemplate.function.GoValue;
import io.kubelauncher.gotemplate.function.TypedList;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One formatting run of Go's {@code fmt} printer: the operand walk of {@code print.go} and the
 * padding and number layout of {@code format.go}, over our value model. Not thread-safe; one per call.
 */
final class Printer {

    private static final String NIL_ANGLE = "<nil>";
    private static final String LOWER_DIGITS = "0123456789abcdefx";
    private static final String UPPER_DIGITS = "0123456789ABCDEFX";

    private final StringBuilder buf = new StringBuilder(32);

    // Flags of the current verb (Go's fmtFlags, wid and prec).
    private boolean widPresent;
    private boolean precPresent;
    private boolean minus;
    private boolean plus;
    private boolean sharp;
    private boolean space;
    private boolean zero;
    private boolean plusV;
    private boolean sharpV;
    private int wid;
    private int prec;

    /** The operand being printed, for error forms such as {@code %!d(string=x)}. */
    private Object arg;
    private boolean erroring;
    private boolean reordered;
    private boolean goodArgNum;

    String result() {
        return buf.toString();
    }

    private void clearFlags() {
        widPresent = precPresent = minus = plus = sharp = space = zero = plusV = sharpV = false;
        wid = 0;
        prec = 0;
    }

    // ---------------------------------------------------------------- entry points

    void doPrint(Object[] args) {
        boolean prevString = false;
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            boolean isString = a instanceof String;
            if (i > 0 && !isString && !prevString) {
                buf.append(' ');
            }
            printArg(a, 'v');
            prevString = isString;
        }
    }

    void doPrintln(Object[] args) {
        for (int i = 0; i < args.length; i++) {
            if (i > 0) {
                buf.append(' ');
            }
            printArg(args[i], 'v');
        }
        buf.append('\n');
    }

    void doPrintf(String format, Object[] a) {
        int end = format.length();
        int argNum = 0;
        boolean afterIndex;
        reordered = false;
        int i = 0;
        formatLoop:
        while (i < end) {
            goodArgNum = true;
            int lasti = i;
            while (i < end && format.charAt(i) != '%') {
                i++;
            }
            if (i > lasti) {
                buf.append(format, lasti, i);
            }
            if (i >= end) {
                break;
            }
            i++; // skip %
            clearFlags();
            simpleFormat:
            for (; i < end; i++) {
                char c = format.charAt(i);
                switch (c) {
                    case '#' -> sharp = true;
                    case '0' -> zero = true;
                    case '+' -> plus = true;
                    case '-' -> minus = true;
                    case ' ' -> space = true;
                    default -> {
                        if ('a' <= c && c <= 'z' && argNum < a.length) {
                            if (c == 'v') {
                                sharpV = sharp;
                                sharp = false;
                                plusV = plus;
                                plus = false;
                            }
                            printArg(a[argNum], c);
                            argNum++;
                            i++;
                            continue formatLoop;
                        }
                        break simpleFormat;
                    }
                }
            }

            long r = argNumber(argNum, format, i, a.length);
            argNum = (int) (r >> 33);
            i = (int) ((r >> 1) & 0xFFFFFFFFL);
            afterIndex = (r & 1) != 0;

            if (i < end && format.charAt(i) == '*') {
                i++;
                long w = intFromArg(a, argNum);
                widPresent = (w & 1) != 0;
                wid = (int) (w >> 33);
                argNum = (int) ((w >> 1) & 0xFFFFFFFFL);
                if (!widPresent) {
                    buf.append("%!(BADWIDTH)");
                }
                if (wid < 0) {
                    wid = -wid;
                    minus = true;
                    zero = false;
                }
                afterIndex = false;
            } else {
                int start = i;
                int num = 0;
                boolean isNum = false;
                while (i < end && format.charAt(i) >= '0' && format.charAt(i) <= '9') {
                    if (tooLarge(num)) {
                        isNum = false;
                        num = 0;
                        i = end;
                        break;
                    }
                    num = num * 10 + (format.charAt(i) - '0');
                    isNum = true;
                    i++;
                }
                if (start >= end) {
                    i = end;
                }
                wid = num;
                widPresent = isNum;
                if (afterIndex && widPresent) {
                    goodArgNum = false;
                }
            }

            if (i + 1 < end && format.charAt(i) == '.') {
                i++;
                if (afterIndex) {
                    goodArgNum = false;
                }
                r = argNumber(argNum, format, i, a.length);
                argNum = (int) (r >> 33);
                i = (int) ((r >> 1) & 0xFFFFFFFFL);
                afterIndex = (r & 1) != 0;
                if (i < end && format.charAt(i) == '*') {
                    i++;
                    long p = intFromArg(a, argNum);
                    precPresent = (p & 1) != 0;
                    prec = (int) (p >> 33);
                    argNum = (int) ((p >> 1) & 0xFFFFFFFFL);
                    if (prec < 0) {
                        prec = 0;
                        precPresent = false;
                    }
                    if (!precPresent) {
                        buf.append("%!(BADPREC)");
                    }
                    afterIndex = false;
                } else {
                    int num = 0;
                    boolean isNum = false;
                    if (i >= end) {
                        i = end;
                    } else {
                        while (i < end && format.charAt(i) >= '0' && format.charAt(i) <= '9') {
                            if (tooLarge(num)) {
                                isNum = false;
                                num = 0;
                                i = end;
                                break;
                            }
                            num = num * 10 + (format.charAt(i) - '0');
                            isNum = true;
                            i++;
                        }
                    }
                    prec = num;
                    precPresent = true; // "%.d" means precision 0
                    if (!isNum) {
                        prec = 0;
                    }
                }
            }

            if (!afterIndex) {
                r = argNumber(argNum, format, i, a.length);
                argNum = (int) (r >> 33);
                i = (int) ((r >> 1) & 0xFFFFFFFFL);
            }

            if (i >= end) {
                buf.append("%!(NOVERB)");
                break;
            }

            int verb = format.codePointAt(i);
            i += Character.charCount(verb);

            if (verb == '%') {
                buf.append('%'); // absorbs no operand, ignores width and precision
            } else if (!goodArgNum) {
                buf.append("%!").appendCodePoint(verb).append("(BADINDEX)");
            } else if (argNum >= a.length) {
                buf.append("%!").appendCodePoint(verb).append("(MISSING)");
            } else {
                if (verb == 'v') {
                    sharpV = sharp;
                    sharp = false;
                    plusV = plus;
                    plus = false;
                }
                printArg(a[argNum], verb);
                argNum++;
            }
        }

        if (!reordered && argNum < a.length) {
            clearFlags();
            buf.append("%!(EXTRA ");
            for (int k = argNum; k < a.length; k++) {
                if (k > argNum) {
                    buf.append(", ");
                }
                Object extra = a[k];
                if (extra == null) {
                    buf.append(NIL_ANGLE);
                } else {
                    buf.append(GoFmt.typeName(extra)).append('=');
                    printArg(extra, 'v');
                }
            }
            buf.append(')');
        }
    }

    private static boolean tooLarge(int x) {
        return x > 1_000_000 || x < -1_000_000;
    }

    /**
     * Go's argNumber: an explicit {@code [n]} index. Packs (newArgNum << 33 | newI << 1 | found).
     */
    private long argNumber(int argNum, String format, int i, int numArgs) {
        if (format.length() <= i || format.charAt(i) != '[') {
            return pack(argNum, i, false);
        }
        reordered = true;
        // parseArgNumber
        int index = 0;
        int width = 1;
        boolean ok = false;
        if (format.length() - i >= 3) {
            for (int j = i + 1; j < format.length(); j++) {
                if (format.charAt(j) == ']') {
                    int num = 0;
                    boolean isNum = false;
                    int k = i + 1;
                    boolean overflow = false;
                    for (; k < j && format.charAt(k) >= '0' && format.charAt(k) <= '9'; k++) {
                        if (tooLarge(num)) {
                            overflow = true;
                            break;
                        }
                        num = num * 10 + (format.charAt(k) - '0');
                        isNum = true;
                    }
                    if (overflow || !isNum || k != j) {
                        ok = false;
                    } else {
                        index = num - 1;
                        ok = true;
                    }
                    width = j - i + 1;
                    break;
                }
            }
        }
        if (ok && 0 <= index && index < numArgs) {
            return pack(index, i + width, true);
        }
        goodArgNum = false;
        return pack(argNum, i + width, ok);
    }

    private static long pack(int argNum, int i, boolean flag) {
        return ((long) argNum << 33) | ((long) i << 1) | (flag ? 1 : 0);
    }

    /** Go's intFromArg for {@code *} widths: packs (num << 33 | newArgNum << 1 | isInt). */
    private static long intFromArg(Object[] a, int argNum) {
        int num = 0;
        boolean isInt = false;
        int newArgNum = argNum;
        if (argNum < a.length) {
            Object v = a[argNum];
            if (v instanceof Integer n) {
                num = n;
                isInt = true;
            } else if (v instanceof Long n && n == (long) (int) (long) n) {
                num = (int) (long) n;
                isInt = true;
            }
            newArgNum = argNum + 1;
            if (tooLarge(num)) {
                num = 0;
                isInt = false;
            }
        }
        return ((long) num << 33) | ((long) newArgNum << 1) | (isInt ? 1 : 0);
    }

    // ---------------------------------------------------------------- operands

    void printArg(Object a, int verb) {
        if (a instanceof GoValue g && g.isNil()) {
            a = null; // a nil error or other nil interface value prints as nil
        }
        arg = a;
        if (a == null) {
            if (verb == 'T' || verb == 'v') {
                padString(NIL_ANGLE);
            } else {
                badVerb(verb);
            }
            return;
        }
        if (verb == 'T') {
            fmtS(GoFmt.typeName(a));
            return;
        }
        if (verb == 'p') {
            fmtPointer(a, verb);
            return;
        }
        if (a instanceof String s) {
            fmtString(s, verb);
        } else if (a instanceof Integer n) {
            fmtInteger(n, verb);
        } else if (a instanceof Long n) {
            fmtInteger(n, verb);
        } else if (a instanceof Double d) {
            fmtFloat(d, verb);
        } else if (a instanceof Boolean b) {
            fmtBool(b, verb);
        } else if (!handleMethods(verb)) {
            printValue(a, verb, 0);
        }
    }

    private boolean handleMethods(int verb) {
        if (erroring) {
            return false;
        }
        if (arg instanceof GoValue g && g.isStringer() && !sharpV) {
            switch (verb) {
                case 'v', 's', 'x', 'X', 'q' -> {
                    fmtString(g.goString(), verb);
                    return true;
                }
                default -> {
                    return false;
                }
            }
        }
        return false;
    }

    private void printValue(Object value, int verb, int depth) {
        if (value instanceof GoValue g && g.isNil()) {
            value = null;
        }
        if (depth > 0 && value != null) {
            arg = value;
            if (handleMethods(verb)) {
                return;
            }
        }
        arg = value;
        if (value == null) {
            // A nil element of an interface slice or map.
            buf.append(sharpV ? "interface {}(nil)" : NIL_ANGLE);
        } else if (value instanceof String s) {
            fmtString(s, verb);
        } else if (value instanceof Integer n) {
            fmtInteger(n, verb);
        } else if (value instanceof Long n) {
            fmtInteger(n, verb);
        } else if (value instanceof Double d) {
            fmtFloat(d, verb);
        } else if (value instanceof Boolean b) {
            fmtBool(b, verb);
        } else if (value instanceof Map<?, ?> m) {
            printMap(m, verb, depth);
        } else if (value instanceof List<?> l) {
            printList(l, verb, depth);
        } else if (value instanceof GoValue g) {
            if (sharpV) {
                buf.append(g.goTypeName());
            }
            buf.append(g.goString());
        } else {
            buf.append('?').append(GoFmt.typeName(value)).append('?');
        }
    }

    private void printMap(Map<?, ?> m, int verb, int depth) {
        if (sharpV) {
            buf.append(GoFmt.typeName(m)).append('{');
        } else {
            buf.append("map[");
        }
        List<Map.Entry<?, ?>> sorted = new ArrayList<>(m.entrySet());
        sorted.sort((x, y) -> GoStringOrder.compare(String.valueOf(x.getKey()), String.valueOf(y.getKey())));
        boolean first = true;
        for (Map.Entry<?, ?> e : sorted) {
            if (!first) {
                buf.append(sharpV ? ", " : " ");
            }
            first = false;
            printValue(e.getKey(), verb, depth + 1);
            buf.append(':');
            printValue(e.getValue(), verb, depth + 1);
        }
        buf.append(sharpV ? '}' : ']');
    }

    private void printList(List<?> l, int verb, int depth) {
        if (sharpV) {
            buf.append(GoFmt.typeName(l)).append('{');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    buf.append(", ");
                }
                printValue(l.get(i), verb, depth + 1);
            }
            buf.append('}');
            return;
        }
        buf.append('[');
        for (int i = 0; i < l.size(); i++) {
            if (i > 0) {
                buf.append(' ');
            }
            printValue(l.get(i), verb, depth + 1);
        }
        buf.append(']');
    }

    private void badVerb(int verb) {
        erroring = true;
        buf.append("%!").appendCodePoint(verb).append('(');
        if (arg != null) {
            buf.append(GoFmt.typeName(arg)).append('=');
            printArg(arg, 'v');
        } else {
            buf.append(NIL_ANGLE);
        }
        buf.append(')');
        erroring = false;
    }

    private void fmtPointer(Object a, int verb) {
        if (a instanceof List || a instanceof Map || a instanceof GoValue && !(a instanceof TypedList)) {
            // Go prints the heap address; ours is a stable stand-in of the same shape.
            long u = 0xc000000000L + ((long) System.identityHashCode(a) << 4);
            boolean oldSharp = sharp;
            sharp = !oldSharp;
            fmtIntegerBase(u, false, 16, 'v', LOWER_DIGITS);
            sharp = oldSharp;
        } else {
            badVerb(verb);
        }
    }

    // ---------------------------------------------------------------- scalars

    private void fmtBool(boolean v, int verb) {
        if (verb == 't' || verb == 'v') {
            padString(v ? "true" : "false");
        } else {
            badVerb(verb);
        }
    }

    private void fmtInteger(long v, int verb) {
        switch (verb) {
            case 'v', 'd' -> fmtIntegerBase(v, true, 10, verb, LOWER_DIGITS);
            case 'b' -> fmtIntegerBase(v, true, 2, verb, LOWER_DIGITS);
            case 'o', 'O' -> fmtIntegerBase(v, true, 8, verb, LOWER_DIGITS);
            case 'x' -> fmtIntegerBase(v, true, 16, verb, LOWER_DIGITS);
            case 'X' -> fmtIntegerBase(v, true, 16, verb, UPPER_DIGITS);
            case 'c' -> fmtC(v);
            case 'q' -> fmtQc(v);
            case 'U' -> fmtUnicode(v);
            default -> badVerb(verb);
        }
    }

    private void fmtIntegerBase(long v, boolean isSigned, int base, int verb, String digits) {
        boolean negative = isSigned && v < 0;
        long u = negative ? -v : v; // unsigned magnitude; MIN_VALUE stays 2^63 read unsigned
        int precision = 0;
        if (precPresent) {
            precision = prec;
            if (precision == 0 && u == 0) {
                boolean oldZero = zero;
                zero = false;
                writePadding(wid);
                zero = oldZero;
                return;
            }
        } else if (zero && !minus && widPresent) {
            precision = wid;
            if (negative || plus || space) {
                precision--;
            }
        }
        String mag = switch (base) {
            case 10 -> Long.toUnsignedString(u);
            case 16 -> Long.toHexString(u);
            case 8 -> Long.toOctalString(u);
            default -> Long.toBinaryString(u);
        };
        if (digits == UPPER_DIGITS) {
            mag = mag.toUpperCase(java.util.Locale.ROOT);
        }
        StringBuilder num = new StringBuilder(mag.length() + 4);
        if (sharp) {
            switch (base) {
                case 2 -> num.append("0b");
                case 8 -> {
                    if (mag.length() >= precision && mag.charAt(0) != '0') {
                        num.append('0');
                    }
                }
                case 16 -> num.append('0').append(digits.charAt(16));
                default -> { }
            }
        }
        if (verb == 'O') {
            num.insert(0, "0o");
        }
        for (int k = mag.length(); k < precision; k++) {
            num.append('0');
        }
        num.append(mag);
        if (negative) {
            num.insert(0, '-');
        } else if (plus) {
            num.insert(0, '+');
        } else if (space) {
            num.insert(0, ' ');
        }
        boolean oldZero = zero;
        zero = false;
        pad(num);
        zero = oldZero;
    }

    private void fmtC(long c) {
        int r = validRune(c);
        StringBuilder s = new StringBuilder(2).appendCodePoint(r);
        pad(s);
    }

    private void fmtQc(long c) {
        int r = validRune(c);
        pad(GoStrconv.quoteRune(r, plus));
    }

    private static int validRune(long c) {
        if (c < 0 || c > Character.MAX_CODE_POINT || (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE)) {
            return 0xFFFD;
        }
        return (int) c;
    }

    private void fmtUnicode(long u) {
        int precision = 4;
        if (precPresent && prec > 4) {
            precision = prec;
        }
        String hex = Long.toHexString(u).toUpperCase(java.util.Locale.ROOT);
        StringBuilder s = new StringBuilder("U+");
        for (int k = hex.length(); k < precision; k++) {
            s.append('0');
        }
        s.append(hex);
        if (sharp && u >= 0 && u <= Character.MAX_CODE_POINT && GoStrconv.isPrint((int) u)) {
            s.append(" '").appendCodePoint((int) u).append('\'');
        }
        boolean oldZero = zero;
        zero = false;
        pad(s);
        zero = oldZero;
    }

    private void fmtFloat(double v, int verb) {
        switch (verb) {
            case 'v' -> fmtFloat(v, 'g', -1);
            case 'b', 'g', 'G', 'x', 'X' -> fmtFloat(v, (char) verb, -1);
            case 'f', 'e', 'E' -> fmtFloat(v, (char) verb, 6);
            case 'F' -> fmtFloat(v, 'f', 6);
            default -> badVerb(verb);
        }
    }

    private void fmtFloat(double v, char verb, int defaultPrec) {
        int p = precPresent ? prec : defaultPrec;
        StringBuilder num = new StringBuilder(24).append('+');
        GoStrconv.appendFloat(num, v, verb, p);
        if (num.charAt(1) == '-' || num.charAt(1) == '+') {
            num.deleteCharAt(0);
        }
        if (space && num.charAt(0) == '+' && !plus) {
            num.setCharAt(0, ' ');
        }
        if (num.charAt(1) == 'I' || num.charAt(1) == 'N') {
            boolean oldZero = zero;
            zero = false;
            if (num.charAt(1) == 'N' && !space && !plus) {
                num.deleteCharAt(0);
            }
            pad(num);
            zero = oldZero;
            return;
        }
        if (sharp && verb != 'b') {
            int digits = 0;
            if (verb == 'v' || verb == 'g' || verb == 'G' || verb == 'x') {
                digits = p;
                if (digits == -1) {
                    digits = 6;
                }
            }
            String tail = "";
            boolean hasDecimalPoint = false;
            boolean sawNonzeroDigit = false;
            for (int i = 1; i < num.length(); i++) {
                char c = num.charAt(i);
                if (c == '.') {
                    hasDecimalPoint = true;
                } else if (c == 'p' || c == 'P' || ((c == 'e' || c == 'E') && verb != 'x' && verb != 'X')) {
                    tail = num.substring(i);
                    num.setLength(i);
                    break;
                } else {
                    if (c != '0') {
                        sawNonzeroDigit = true;
                    }
                    if (sawNonzeroDigit) {
                        digits--;
                    }
                }
            }
            if (!hasDecimalPoint) {
                if (num.length() == 2 && num.charAt(1) == '0') {
                    digits--;
                }
                num.append('.');
            }
            while (digits > 0) {
                num.append('0');
                digits--;
            }
            num.append(tail);
        }
        if (plus || num.charAt(0) != '+') {
            if (zero && !minus && widPresent && wid > num.length()) {
                buf.append(num.charAt(0));
                writePadding(wid - num.length());
                buf.append(num, 1, num.length());
                return;
            }
            pad(num);
            return;
        }
        pad(num.subSequence(1, num.length()));
    }

    private void fmtString(String v, int verb) {
        switch (verb) {
            case 'v' -> {
                if (sharpV) {
                    fmtQ(v);
                } else {
                    fmtS(v);
                }
            }
            case 's' -> fmtS(v);
            case 'x' -> fmtSx(v, LOWER_DIGITS);
            case 'X' -> fmtSx(v, UPPER_DIGITS);
            case 'q' -> fmtQ(v);
            default -> badVerb(verb);
        }
    }

    private void fmtS(String s) {
        padString(truncate(s));
    }

    private String truncate(String s) {
        if (precPresent) {
            int n = prec;
            for (int i = 0; i < s.length(); ) {
                if (--n < 0) {
                    return s.substring(0, i);
                }
                i += Character.charCount(s.codePointAt(i));
            }
        }
        return s;
    }

    private void fmtSx(String s, String digits) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        int length = b.length;
        if (precPresent && prec < length) {
            length = prec;
        }
        int width = 2 * length;
        if (width > 0) {
            if (space) {
                if (sharp) {
                    width *= 2;
                }
                width += length - 1;
            } else if (sharp) {
                width += 2;
            }
        } else {
            if (widPresent) {
                writePadding(wid);
            }
            return;
        }
        if (widPresent && wid > width && !minus) {
            writePadding(wid - width);
        }
        if (sharp) {
            buf.append('0').append(digits.charAt(16));
        }
        for (int i = 0; i < length; i++) {
            if (space && i > 0) {
                buf.append(' ');
                if (sharp) {
                    buf.append('0').append(digits.charAt(16));
                }
            }
            int c = b[i] & 0xFF;
            buf.append(digits.charAt(c >> 4)).append(digits.charAt(c & 0xF));
        }
        if (widPresent && wid > width && minus) {
            writePadding(wid - width);
        }
    }

    private void fmtQ(String s) {
        s = truncate(s);
        if (sharp && GoStrconv.canBackquote(s)) {
            padString("`" + s + "`");
            return;
        }
        pad(plus ? GoStrconv.quoteToAscii(s) : GoStrconv.quote(s));
    }

    // ---------------------------------------------------------------- padding

    private void writePadding(int n) {
        if (n <= 0) {
            return;
        }
        char padByte = zero && !minus ? '0' : ' ';
        for (int i = 0; i < n; i++) {
            buf.append(padByte);
        }
    }

    private void pad(CharSequence s) {
        if (!widPresent || wid == 0) {
            buf.append(s);
            return;
        }
        int width = wid - Character.codePointCount(s, 0, s.length());
        if (!minus) {
            writePadding(width);
            buf.append(s);
        } else {
            buf.append(s);
            writePadding(width);
        }
    }

    private void padString(String s) {
        pad(s);
    }
}
