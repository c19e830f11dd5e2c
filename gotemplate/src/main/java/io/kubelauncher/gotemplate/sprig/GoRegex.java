package io.kubelauncher.gotemplate.sprig;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Go's {@code regexp} (RE2 syntax) on top of {@link java.util.regex}: patterns are checked and
 * translated (Go's {@code $} is {@code \z} outside multi-line mode, {@code \s} excludes \v, POSIX
 * classes, named groups with underscores, a literal {@code {} where Go has no repeat...), rejected
 * with Go's error text where RE2 rejects them (look-around, back-references, possessive
 * repetition), and the All/Replace/Split operations follow Go's rules for empty matches and
 * {@code $name} expansion. Compiled patterns are cached.
 */
final class GoRegex {

    private static final int CACHE_LIMIT = 512;
    private static final Map<String, GoRegex> CACHE = new ConcurrentHashMap<>();

    private final Pattern pattern;
    /** Go's subexpression names by group index (index 0 is the whole match); "" when unnamed. */
    private final List<String> groupNames;

    private GoRegex(Pattern pattern, List<String> groupNames) {
        this.pattern = pattern;
        this.groupNames = groupNames;
    }

    /** A Go regexp syntax error; its message is Go's {@code err.Error()}. */
    static final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;

        SyntaxError(String code, String arg) {
            super("error parsing regexp: " + code + ": `" + arg + "`", null, false, false);
        }
    }

    /** regexp.Compile. */
    static GoRegex compile(String expr) throws SyntaxError {
        GoRegex cached = CACHE.get(expr);
        if (cached != null) {
            return cached;
        }
        GoRegex compiled = new Translator(expr).translate();
        if (CACHE.size() >= CACHE_LIMIT) {
            CACHE.clear();
        }
        CACHE.put(expr, compiled);
        return compiled;
    }

    /** regexp.MustCompile: a syntax error is a panic with Go's text. */
    static GoRegex mustCompile(String expr) {
        try {
            return compile(expr);
        } catch (SyntaxError e) {
            String quoted = io.kubelauncher.gotemplate.format.GoStrconv.canBackquote(expr) ? "`" + expr + "`"
                    : io.kubelauncher.gotemplate.format.GoStrconv.quote(expr);
            throw new GoPanic("regexp: Compile(" + quoted + "): " + e.getMessage());
        }
    }

    boolean matches(String s) {
        return pattern.matcher(s).find();
    }

    String find(String s) {
        Matcher m = pattern.matcher(s);
        return m.find() ? m.group() : "";
    }

    /** FindAllString(s, n): non-overlapping matches, an empty match right after a match skipped; null for none. */
    List<String> findAll(String s, int n) {
        List<int[]> spans = allMatches(s, n);
        if (spans.isEmpty()) {
            return null;
        }
        List<String> out = new ArrayList<>(spans.size());
        for (int[] span : spans) {
            out.add(s.substring(span[0], span[1]));
        }
        return out;
    }

    private List<int[]> allMatches(String s, int n) {
        if (n < 0) {
            n = s.length() + 1;
        }
        List<int[]> out = new ArrayList<>();
        Matcher m = pattern.matcher(s);
        int end = s.length();
        int pos = 0;
        int prevMatchEnd = -1;
        while (out.size() < n && pos <= end) {
            if (!m.find(pos)) {
                break;
            }
            boolean accept = true;
            if (m.end() == pos) {
                // An empty match: not allowed right after the previous match.
                if (m.start() == prevMatchEnd) {
                    accept = false;
                }
                pos += pos < end ? Character.charCount(s.codePointAt(pos)) : 1;
            } else {
                pos = m.end();
            }
            prevMatchEnd = m.end();
            if (accept) {
                out.add(new int[] {m.start(), m.end()});
            }
        }
        return out;
    }

    /** ReplaceAllString (with Go's $name expansion) or ReplaceAllLiteralString. */
    String replaceAll(String src, String repl, boolean literal) {
        Matcher m = pattern.matcher(src);
        StringBuilder out = new StringBuilder(src.length() + 16);
        int lastMatchEnd = 0;
        int searchPos = 0;
        int end = src.length();
        while (searchPos <= end) {
            if (!m.find(searchPos)) {
                break;
            }
            out.append(src, lastMatchEnd, m.start());
            if (m.end() > lastMatchEnd || m.start() == 0) {
                if (literal) {
                    out.append(repl);
                } else {
                    expand(out, repl, src, m);
                }
            }
            lastMatchEnd = m.end();
            int width = searchPos < end ? Character.charCount(src.codePointAt(searchPos)) : 0;
            if (searchPos + width > m.end()) {
                searchPos += width;
            } else if (searchPos + 1 > m.end()) {
                searchPos++;
            } else {
                searchPos = m.end();
            }
        }
        out.append(src, lastMatchEnd, end);
        return out.toString();
    }

    /** Regexp.Split(s, n). */
    List<String> split(String s, int n) {
        if (n == 0) {
            return null;
        }
        if (!pattern.pattern().isEmpty() && s.isEmpty()) {
            return List.of("");
        }
        List<int[]> matches = allMatches(s, n);
        List<String> strings = new ArrayList<>(matches.size() + 1);
        int beg = 0;
        int end = 0;
        for (int[] match : matches) {
            if (n > 0 && strings.size() == n - 1) {
                break;
            }
            end = match[0];
            if (match[1] != 0) {
                strings.add(s.substring(beg, end));
            }
            beg = match[1];
        }
        if (end != s.length()) {
            strings.add(s.substring(beg));
        }
        return strings;
    }

    /** Regexp.expand: $1, ${1}, $name, ${name}, $$; an unknown group expands to nothing. */
    private void expand(StringBuilder dst, String template, String src, Matcher m) {
        while (!template.isEmpty()) {
            int dollar = template.indexOf('$');
            if (dollar < 0) {
                break;
            }
            dst.append(template, 0, dollar);
            template = template.substring(dollar + 1);
            if (!template.isEmpty() && template.charAt(0) == '$') {
                dst.append('$');
                template = template.substring(1);
                continue;
            }
            // extract(): a name of letters, digits and underscores, optionally in braces.
            boolean brace = !template.isEmpty() && template.charAt(0) == '{';
            String str = brace ? template.substring(1) : template;
            int i = 0;
            while (i < str.length()) {
                int r = str.codePointAt(i);
                if (!Character.isLetter(r) && !GoStrings.isDigit(r) && r != '_') {
                    break;
                }
                i += Character.charCount(r);
            }
            if (i == 0 || brace && (i >= str.length() || str.charAt(i) != '}')) {
                dst.append('$');
                continue;
            }
            String name = str.substring(0, i);
            template = str.substring(brace ? i + 1 : i);
            int num = 0;
            for (int k = 0; k < name.length(); k++) {
                char c = name.charAt(k);
                if (c < '0' || c > '9' || num >= 100_000_000) {
                    num = -1;
                    break;
                }
                num = num * 10 + (c - '0');
            }
            if (name.charAt(0) == '0' && name.length() > 1) {
                num = -1;
            }
            if (num >= 0) {
                if (num <= m.groupCount() && m.start(num) >= 0) {
                    dst.append(src, m.start(num), m.end(num));
                }
            } else {
                for (int g = 0; g < groupNames.size(); g++) {
                    if (name.equals(groupNames.get(g)) && m.start(g) >= 0) {
                        dst.append(src, m.start(g), m.end(g));
                        break;
                    }
                }
            }
        }
        dst.append(template);
    }

    /** regexp.QuoteMeta. */
    static String quoteMeta(String s) {
        StringBuilder out = new StringBuilder(s.length() * 2);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ("\\.+*?()|[]{}^$".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    // ------------------------------------------------------------------ translation

    /** Walks a Go pattern once, checking RE2's rules and writing the equivalent Java pattern. */
    private static final class Translator {
        private static final Map<String, String> POSIX = Map.ofEntries(
                Map.entry("alnum", "\\p{Alnum}"), Map.entry("alpha", "\\p{Alpha}"), Map.entry("ascii", "\\p{ASCII}"),
                Map.entry("blank", "\\p{Blank}"), Map.entry("cntrl", "\\p{Cntrl}"), Map.entry("digit", "\\p{Digit}"),
                Map.entry("graph", "\\p{Graph}"), Map.entry("lower", "\\p{Lower}"), Map.entry("print", "\\p{Print}"),
                Map.entry("punct", "\\p{Punct}"), Map.entry("space", "\\s"), Map.entry("upper", "\\p{Upper}"),
                Map.entry("word", "\\w"), Map.entry("xdigit", "\\p{XDigit}"));

        private enum Last { NOTHING, ATOM, REPEAT }

        private final String expr;
        private final StringBuilder out = new StringBuilder();
        private final List<String> names = new ArrayList<>(List.of(""));
        private final Deque<Boolean> multilineScopes = new ArrayDeque<>();
        private boolean multiline;
        private int i;
        private Last last = Last.NOTHING;
        private int lastRepeatStart;

        Translator(String expr) {
            this.expr = expr;
        }

        GoRegex translate() throws SyntaxError {
            while (i < expr.length()) {
                char c = expr.charAt(i);
                switch (c) {
                    case '(' -> group();
                    case ')' -> {
                        if (multilineScopes.isEmpty()) {
                            throw new SyntaxError("unexpected )", expr);
                        }
                        multiline = multilineScopes.pop();
                        out.append(')');
                        i++;
                        last = Last.ATOM;
                    }
                    case '|' -> {
                        out.append('|');
                        i++;
                        last = Last.NOTHING;
                    }
                    case '[' -> {
                        charClass();
                        last = Last.ATOM;
                    }
                    case '\\' -> {
                        escape(false, out);
                        last = Last.ATOM;
                    }
                    case '*', '+', '?' -> repeat(i + 1);
                    case '{' -> {
                        int close = repeatEnd(i);
                        if (close < 0) {
                            out.append("\\{");
                            i++;
                            last = Last.ATOM;
                        } else {
                            repeat(close);
                        }
                    }
                    case '$' -> {
                        out.append(multiline ? "$" : "\\z");
                        i++;
                        last = Last.ATOM;
                    }
                    case '^', '.' -> {
                        out.append(c);
                        i++;
                        last = Last.ATOM;
                    }
                    default -> {
                        int cp = expr.codePointAt(i);
                        appendLiteral(out, cp, false);
                        i += Character.charCount(cp);
                        last = Last.ATOM;
                    }
                }
            }
            if (!multilineScopes.isEmpty()) {
                throw new SyntaxError("missing closing )", expr);
            }
            int flags = Pattern.UNIX_LINES | Pattern.UNICODE_CASE;
            try {
                return new GoRegex(Pattern.compile(out.toString(), flags), List.copyOf(names));
            } catch (PatternSyntaxException e) {
                throw new SyntaxError(e.getDescription(), expr);
            }
        }

        private void repeat(int opEnd) throws SyntaxError {
            int start = i;
            if (opEnd < expr.length() && expr.charAt(opEnd) == '?') {
                opEnd++;
            }
            String op = expr.substring(start, opEnd);
            if (last == Last.NOTHING) {
                throw new SyntaxError("missing argument to repetition operator", op.endsWith("?") && op.length() > 1
                        ? op.substring(0, op.length() - 1) : op);
            }
            if (last == Last.REPEAT) {
                throw new SyntaxError("invalid nested repetition operator", expr.substring(lastRepeatStart, opEnd));
            }
            out.append(op);
            lastRepeatStart = start;
            last = Last.REPEAT;
            i = opEnd;
        }

        /** The index after a valid {n}, {n,} or {n,m} at from, -1 when it is a literal brace. */
        private int repeatEnd(int from) throws SyntaxError {
            int j = from + 1;
            int n = 0;
            int digits = 0;
            while (j < expr.length() && Character.isDigit(expr.charAt(j)) && expr.charAt(j) < 0x80) {
                n = Math.min(n * 10 + (expr.charAt(j) - '0'), 100_000);
                j++;
                digits++;
            }
            if (digits == 0 || j >= expr.length()) {
                return -1;
            }
            int m = n;
            if (expr.charAt(j) == ',') {
                j++;
                m = -1;
                int mDigits = 0;
                int mv = 0;
                while (j < expr.length() && expr.charAt(j) >= '0' && expr.charAt(j) <= '9') {
                    mv = Math.min(mv * 10 + (expr.charAt(j) - '0'), 100_000);
                    j++;
                    mDigits++;
                }
                if (mDigits > 0) {
                    m = mv;
                }
            }
            if (j >= expr.length() || expr.charAt(j) != '}') {
                return -1;
            }
            if (n > 1000 || m > 1000 || m >= 0 && m < n) {
                throw new SyntaxError("invalid repeat count", expr.substring(from, j + 1));
            }
            return j + 1;
        }

        private void group() throws SyntaxError {
            int start = i;
            if (expr.startsWith("(?P<", i) || expr.startsWith("(?<", i)) {
                int nameStart = i + (expr.charAt(i + 2) == 'P' ? 4 : 3);
                int close = expr.indexOf('>', nameStart);
                if (close < 0) {
                    throw new SyntaxError("invalid named capture", expr.substring(start));
                }
                String name = expr.substring(nameStart, close);
                if (name.isEmpty() || !name.chars().allMatch(ch -> ch == '_' || ch < 0x80 && Character.isLetterOrDigit(ch))) {
                    throw new SyntaxError("invalid named capture", expr.substring(start, close + 1));
                }
                names.add(name);
                out.append("(?<g").append(names.size() - 1).append('>');
                multilineScopes.push(multiline);
                i = close + 1;
                last = Last.NOTHING;
                return;
            }
            if (expr.startsWith("(?", i)) {
                int j = i + 2;
                boolean negate = false;
                boolean setMultiline = false;
                boolean clearMultiline = false;
                StringBuilder javaFlags = new StringBuilder();
                while (true) {
                    if (j >= expr.length()) {
                        throw new SyntaxError("missing closing )", expr);
                    }
                    char f = expr.charAt(j);
                    if (f == 'i' || f == 'm' || f == 's') {
                        javaFlags.append(f);
                        if (f == 'm') {
                            setMultiline |= !negate;
                            clearMultiline |= negate;
                        }
                    } else if (f == 'U') {
                        // RE2's ungreedy swap has no Java equivalent; it is rare enough to ignore.
                    } else if (f == '-' && !negate) {
                        negate = true;
                        javaFlags.append('-');
                    } else if ((f == ':' || f == ')') && !(negate && javaFlags.charAt(javaFlags.length() - 1) == '-')) {
                        break;
                    } else {
                        throw new SyntaxError("invalid or unsupported Perl syntax", expr.substring(start, j + 1));
                    }
                    j++;
                }
                char end = expr.charAt(j);
                boolean newMultiline = setMultiline || (multiline && !clearMultiline);
                if (end == ')') {
                    out.append("(?").append(javaFlags).append(')');
                    multiline = newMultiline;
                    i = j + 1;
                    return;
                }
                out.append("(?").append(javaFlags).append(':');
                multilineScopes.push(multiline);
                multiline = newMultiline;
                i = j + 1;
                last = Last.NOTHING;
                return;
            }
            names.add("");
            out.append('(');
            multilineScopes.push(multiline);
            i++;
            last = Last.NOTHING;
        }

        private void charClass() throws SyntaxError {
            int start = i;
            StringBuilder cls = new StringBuilder("[");
            i++;
            if (i < expr.length() && expr.charAt(i) == '^') {
                cls.append('^');
                i++;
            }
            boolean first = true;
            while (true) {
                if (i >= expr.length()) {
                    throw new SyntaxError("missing closing ]", expr.substring(start));
                }
                char c = expr.charAt(i);
                if (c == ']' && !first) {
                    i++;
                    break;
                }
                first = false;
                if (c == '[' && expr.startsWith("[:", i)) {
                    int close = expr.indexOf(":]", i + 2);
                    if (close >= 0) {
                        String name = expr.substring(i + 2, close);
                        boolean neg = name.startsWith("^");
                        String cls2 = POSIX.get(neg ? name.substring(1) : name);
                        if (cls2 == null) {
                            throw new SyntaxError("invalid character class range", expr.substring(i, close + 2));
                        }
                        cls.append(neg ? "[^" + cls2 + "]" : cls2);
                        i = close + 2;
                        continue;
                    }
                }
                int lo;
                if (c == '\\') {
                    StringBuilder esc = new StringBuilder();
                    int value = escape(true, esc);
                    if (value < 0) {
                        cls.append(esc); // a class escape such as \d or \pL
                        continue;
                    }
                    lo = value;
                } else {
                    lo = expr.codePointAt(i);
                    i += Character.charCount(lo);
                }
                if (i + 1 < expr.length() && expr.charAt(i) == '-' && expr.charAt(i + 1) != ']') {
                    int rangeStart = i;
                    i++;
                    int hi;
                    if (expr.charAt(i) == '\\') {
                        StringBuilder esc = new StringBuilder();
                        hi = escape(true, esc);
                        if (hi < 0) {
                            throw new SyntaxError("invalid character class range", expr.substring(rangeStart - 1, i));
                        }
                    } else {
                        hi = expr.codePointAt(i);
                        i += Character.charCount(hi);
                    }
                    if (hi < lo) {
                        throw new SyntaxError("invalid character class range",
                                new String(Character.toChars(lo)) + "-" + new String(Character.toChars(hi)));
                    }
                    appendLiteral(cls, lo, true);
                    cls.append('-');
                    appendLiteral(cls, hi, true);
                } else {
                    appendLiteral(cls, lo, true);
                }
            }
            out.append(cls.append(']'));
        }

        /**
         * Translates the escape at i into target. Returns the code point for a single-character
         * escape, or -1 for a class or assertion escape (already written to target).
         */
        private int escape(boolean inClass, StringBuilder target) throws SyntaxError {
            int start = i;
            if (i + 1 >= expr.length()) {
                throw new SyntaxError("trailing backslash at end of expression", "");
            }
            char c = expr.charAt(i + 1);
            i += 2;
            switch (c) {
                case '1', '2', '3', '4', '5', '6', '7':
                    if (i >= expr.length() || expr.charAt(i) < '0' || expr.charAt(i) > '7') {
                        throw new SyntaxError("invalid escape sequence", expr.substring(start, i));
                    }
                    // fall through: octal
                case '0': {
                    int v = c - '0';
                    for (int k = 0; k < 2 && i < expr.length() && expr.charAt(i) >= '0' && expr.charAt(i) <= '7'; k++) {
                        v = v * 8 + (expr.charAt(i++) - '0');
                    }
                    return literal(target, v, inClass);
                }
                case 'x': {
                    if (i < expr.length() && expr.charAt(i) == '{') {
                        int close = expr.indexOf('}', i);
                        String hex = close < 0 ? "" : expr.substring(i + 1, close);
                        if (hex.isEmpty() || !hex.chars().allMatch(h -> Character.digit(h, 16) >= 0 && h < 0x80)
                                || Long.parseLong(hex.length() > 8 ? "FFFFFFFFF" : hex, 16) > Character.MAX_CODE_POINT) {
                            throw new SyntaxError("invalid escape sequence",
                                    expr.substring(start, close < 0 ? expr.length() : close + 1));
                        }
                        i = close + 1;
                        return literal(target, Integer.parseInt(hex, 16), inClass);
                    }
                    if (i + 2 > expr.length() || Character.digit(expr.charAt(i), 16) < 0
                            || Character.digit(expr.charAt(i + 1), 16) < 0) {
                        throw new SyntaxError("invalid escape sequence", expr.substring(start, Math.min(i + 2, expr.length())));
                    }
                    int v = Integer.parseInt(expr.substring(i, i + 2), 16);
                    i += 2;
                    return literal(target, v, inClass);
                }
                case 'a':
                    return literal(target, 7, inClass);
                case 'f':
                    return literal(target, '\f', inClass);
                case 't':
                    return literal(target, '\t', inClass);
                case 'n':
                    return literal(target, '\n', inClass);
                case 'r':
                    return literal(target, '\r', inClass);
                case 'v':
                    return literal(target, 0x0B, inClass);
                case 'd', 'D', 'w', 'W':
                    target.append('\\').append(c);
                    return -1;
                case 's':
                    target.append(inClass ? "\\t\\n\\f\\r " : "[\\t\\n\\f\\r ]");
                    return -1;
                case 'S':
                    target.append(inClass ? "[^\\t\\n\\f\\r ]" : "[^\\t\\n\\f\\r ]");
                    return -1;
                case 'b', 'B', 'A', 'z':
                    if (!inClass) {
                        target.append('\\').append(c);
                        return -1;
                    }
                    throw new SyntaxError("invalid escape sequence", expr.substring(start, i));
                case 'p', 'P':
                    unicodeClass(c == 'P', start, target);
                    return -1;
                case 'Q': {
                    if (inClass) {
                        throw new SyntaxError("invalid escape sequence", expr.substring(start, i));
                    }
                    int end = expr.indexOf("\\E", i);
                    String lit = end < 0 ? expr.substring(i) : expr.substring(i, end);
                    i = end < 0 ? expr.length() : end + 2;
                    for (int k = 0; k < lit.length(); ) {
                        int cp = lit.codePointAt(k);
                        appendLiteral(target, cp, false);
                        k += Character.charCount(cp);
                    }
                    return -1;
                }
                default:
                    if (c < 0x80 && !Character.isLetterOrDigit(c)) {
                        return literal(target, c, inClass);
                    }
                    throw new SyntaxError("invalid escape sequence", expr.substring(start, i));
            }
        }

        private int literal(StringBuilder target, int cp, boolean inClass) {
            if (!inClass) {
                appendLiteral(target, cp, false);
            }
            return cp;
        }

        private void unicodeClass(boolean negated, int start, StringBuilder target) throws SyntaxError {
            String name;
            if (i < expr.length() && expr.charAt(i) == '{') {
                int close = expr.indexOf('}', i);
                if (close < 0) {
                    throw new SyntaxError("invalid character class range", expr.substring(start));
                }
                name = expr.substring(i + 1, close);
                i = close + 1;
            } else if (i < expr.length()) {
                name = expr.substring(i, i + 1);
                i++;
            } else {
                throw new SyntaxError("invalid character class range", expr.substring(start));
            }
            if (name.startsWith("^")) {
                negated = !negated;
                name = name.substring(1);
            }
            String javaName;
            if (name.equals("Any")) {
                target.append(negated ? "[^\\x{0}-\\x{10FFFF}]" : "[\\x{0}-\\x{10FFFF}]");
                return;
            } else if (name.length() <= 2 && !name.isEmpty() && Character.isUpperCase(name.charAt(0))) {
                javaName = name;
            } else {
                javaName = "Is" + name;
            }
            String candidate = (negated ? "\\P{" : "\\p{") + javaName + "}";
            try {
                Pattern.compile(candidate);
            } catch (PatternSyntaxException e) {
                throw new SyntaxError("invalid character class range", expr.substring(start, i));
            }
            target.append(candidate);
        }

        private static void appendLiteral(StringBuilder target, int cp, boolean inClass) {
            if (cp < 0x80 && !Character.isLetterOrDigit(cp) && cp != ' ' && cp != '_') {
                if (cp < 0x20 || cp == 0x7F) {
                    target.append(String.format("\\x%02x", cp));
                } else {
                    target.append('\\').append((char) cp);
                }
            } else if (cp > 0xFFFF || Character.isSurrogate((char) cp)) {
                target.append("\\x{").append(Integer.toHexString(cp)).append('}');
            } else {
                target.append((char) cp);
            }
        }
    }
}
