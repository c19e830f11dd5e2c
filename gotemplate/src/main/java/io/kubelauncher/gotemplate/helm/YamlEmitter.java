package io.kubelauncher.gotemplate.helm;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * The output side of yaml.v2 2.4 ({@code yaml.Marshal}) for already normalised values: block
 * mappings and sequences, flow style only for empty collections, and the scalar analysis, style
 * choice, quoting and line folding of its libyaml-derived emitter (indent 2, width 80).
 *
 * <p>Input values: {@code null}, {@link String}, {@link Boolean}, {@link YamlNumber}, lists, and
 * {@link SortedYamlMap}s (keys already in yaml.v2's order). Not thread-safe; one instance per document.
 */
final class YamlEmitter {

    private static final int BEST_INDENT = 2;
    private static final int BEST_WIDTH = 80;

    /** The text of a number as yaml.v2 prints it (already formatted). */
    record YamlNumber(String text) {
    }

    /** A mapping whose entries are already sorted as yaml.v2 sorts keys. */
    record SortedYamlMap(List<Map.Entry<String, Object>> entries) {
    }

    private enum Style { PLAIN, SINGLE_QUOTED, DOUBLE_QUOTED, LITERAL }

    private final StringBuilder out = new StringBuilder(256);
    private final Deque<Integer> indents = new ArrayDeque<>();
    private int indent = -1;
    private int column;
    private boolean whitespace = true;
    private boolean indention = true;
    private int flowLevel;
    private boolean mappingContext;
    private boolean simpleKeyContext;

    /** {@code yaml.Marshal(v)}: the document, ending with a newline. */
    static String emit(Object value) {
        YamlEmitter e = new YamlEmitter();
        e.node(value, false, false);
        e.writeIndent(); // document end
        return e.out.toString();
    }

    // ------------------------------------------------------------------ structure

    private void node(Object value, boolean mapping, boolean simpleKey) {
        this.mappingContext = mapping;
        this.simpleKeyContext = simpleKey;
        if (value instanceof SortedYamlMap m) {
            if (m.entries().isEmpty()) {
                emptyFlow("{", "}");
            } else {
                blockMapping(m);
            }
        } else if (value instanceof List<?> l) {
            if (l.isEmpty()) {
                emptyFlow("[", "]");
            } else {
                blockSequence(l);
            }
        } else if (value == null) {
            scalar("null", Style.PLAIN);
        } else if (value instanceof Boolean b) {
            scalar(b ? "true" : "false", Style.PLAIN);
        } else if (value instanceof YamlNumber n) {
            scalar(n.text(), Style.PLAIN);
        } else {
            String s = (String) value;
            Style style;
            if (s.indexOf('\n') >= 0) {
                style = Style.LITERAL;
            } else if (YamlResolver.resolve(s) == YamlResolver.Tag.STR && !YamlResolver.isBase60Float(s)) {
                style = Style.PLAIN;
            } else {
                style = Style.DOUBLE_QUOTED;
            }
            scalar(s, style);
        }
    }

    private void emptyFlow(String open, String close) {
        writeIndicator(open, true, true, false);
        increaseIndent(true, false);
        flowLevel++;
        flowLevel--;
        popIndent();
        writeIndicator(close, false, false, false);
    }

    private void blockSequence(List<?> items) {
        increaseIndent(false, mappingContext && !indention);
        for (Object item : items) {
            writeIndent();
            writeIndicator("-", true, false, true);
            node(item, false, false);
        }
        popIndent();
    }

    private void blockMapping(SortedYamlMap map) {
        increaseIndent(false, false);
        for (Map.Entry<String, Object> e : map.entries()) {
            writeIndent();
            String key = e.getKey();
            if (isSimpleKey(key)) {
                node(key, true, true);
                writeIndicator(":", false, false, false);
            } else {
                writeIndicator("?", true, false, true);
                node(key, true, false);
                writeIndent();
                writeIndicator(":", true, false, true);
            }
            node(e.getValue(), true, false);
        }
        popIndent();
    }

    private static boolean isSimpleKey(String key) {
        return !analyze(key).multiline && utf8Length(key) <= 128;
    }

    private void increaseIndent(boolean flow, boolean indentless) {
        indents.push(indent);
        if (indent < 0) {
            indent = flow ? BEST_INDENT : 0;
        } else if (!indentless) {
            indent += BEST_INDENT;
        }
    }

    private void popIndent() {
        indent = indents.pop();
    }

    // ------------------------------------------------------------------ scalars

    /** What the emitter learns about a scalar before choosing its style. */
    private static final class Analysis {
        boolean multiline;
        boolean flowPlainAllowed;
        boolean blockPlainAllowed;
        boolean singleQuotedAllowed;
        boolean blockAllowed;
    }

    private void scalar(String value, Style preferred) {
        Analysis a = analyze(value);
        Style style = preferred;
        if (simpleKeyContext && a.multiline) {
            style = Style.DOUBLE_QUOTED;
        }
        if (style == Style.PLAIN) {
            if (flowLevel > 0 && !a.flowPlainAllowed || flowLevel == 0 && !a.blockPlainAllowed) {
                style = Style.SINGLE_QUOTED;
            }
            if (value.isEmpty() && (flowLevel > 0 || simpleKeyContext)) {
                style = Style.SINGLE_QUOTED;
            }
        }
        if (style == Style.SINGLE_QUOTED && !a.singleQuotedAllowed) {
            style = Style.DOUBLE_QUOTED;
        }
        if (style == Style.LITERAL && (!a.blockAllowed || flowLevel > 0 || simpleKeyContext)) {
            style = Style.DOUBLE_QUOTED;
        }
        increaseIndent(true, false);
        boolean allowBreaks = !simpleKeyContext;
        switch (style) {
            case PLAIN -> writePlain(value, allowBreaks);
            case SINGLE_QUOTED -> writeSingleQuoted(value, allowBreaks);
            case DOUBLE_QUOTED -> writeDoubleQuoted(value, allowBreaks);
            case LITERAL -> writeLiteral(value);
        }
        popIndent();
    }

    private static Analysis analyze(String value) {
        Analysis r = new Analysis();
        if (value.isEmpty()) {
            r.multiline = false;
            r.flowPlainAllowed = false;
            r.blockPlainAllowed = true;
            r.singleQuotedAllowed = true;
            r.blockAllowed = false;
            return r;
        }
        boolean blockIndicators = false;
        boolean flowIndicators = false;
        boolean lineBreaks = false;
        boolean specialCharacters = false;
        boolean leadingSpace = false;
        boolean leadingBreak = false;
        boolean trailingSpace = false;
        boolean trailingBreak = false;
        boolean breakSpace = false;
        boolean spaceBreak = false;
        boolean previousSpace = false;
        boolean previousBreak = false;

        if (value.startsWith("---") || value.startsWith("...")) {
            blockIndicators = true;
            flowIndicators = true;
        }
        boolean precededByWhitespace = true;
        int n = value.length();
        for (int i = 0; i < n; ) {
            int c = value.codePointAt(i);
            int next = i + Character.charCount(c);
            boolean followedByWhitespace = next >= n || isBlank(value.codePointAt(next));
            if (i == 0) {
                switch (c) {
                    case '#', ',', '[', ']', '{', '}', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`' -> {
                        flowIndicators = true;
                        blockIndicators = true;
                    }
                    case '?', ':' -> {
                        flowIndicators = true;
                        if (followedByWhitespace) {
                            blockIndicators = true;
                        }
                    }
                    case '-' -> {
                        if (followedByWhitespace) {
                            flowIndicators = true;
                            blockIndicators = true;
                        }
                    }
                    default -> { }
                }
            } else {
                switch (c) {
                    case ',', '?', '[', ']', '{', '}' -> flowIndicators = true;
                    case ':' -> {
                        flowIndicators = true;
                        if (followedByWhitespace) {
                            blockIndicators = true;
                        }
                    }
                    case '#' -> {
                        if (precededByWhitespace) {
                            flowIndicators = true;
                            blockIndicators = true;
                        }
                    }
                    default -> { }
                }
            }
            if (!isPrintable(c)) {
                specialCharacters = true;
            }
            if (c == ' ') {
                if (i == 0) {
                    leadingSpace = true;
                }
                if (next == n) {
                    trailingSpace = true;
                }
                if (previousBreak) {
                    breakSpace = true;
                }
                previousSpace = true;
                previousBreak = false;
            } else if (isBreak(c)) {
                lineBreaks = true;
                if (i == 0) {
                    leadingBreak = true;
                }
                if (next == n) {
                    trailingBreak = true;
                }
                if (previousSpace) {
                    spaceBreak = true;
                }
                previousSpace = false;
                previousBreak = true;
            } else {
                previousSpace = false;
                previousBreak = false;
            }
            precededByWhitespace = isBlank(c) || isBreak(c) || c == 0;
            i = next;
        }
        r.multiline = lineBreaks;
        r.flowPlainAllowed = true;
        r.blockPlainAllowed = true;
        r.singleQuotedAllowed = true;
        r.blockAllowed = true;
        if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) {
            r.flowPlainAllowed = false;
            r.blockPlainAllowed = false;
        }
        if (trailingSpace) {
            r.blockAllowed = false;
        }
        if (breakSpace) {
            r.flowPlainAllowed = false;
            r.blockPlainAllowed = false;
            r.singleQuotedAllowed = false;
        }
        if (spaceBreak || specialCharacters) {
            r.flowPlainAllowed = false;
            r.blockPlainAllowed = false;
            r.singleQuotedAllowed = false;
            r.blockAllowed = false;
        }
        if (lineBreaks) {
            r.flowPlainAllowed = false;
            r.blockPlainAllowed = false;
        }
        if (flowIndicators) {
            r.flowPlainAllowed = false;
        }
        if (blockIndicators) {
            r.blockPlainAllowed = false;
        }
        return r;
    }

    private void writePlain(String value, boolean allowBreaks) {
        if (!whitespace) {
            put(' ');
        }
        boolean spaces = false;
        boolean breaks = false;
        int n = value.length();
        for (int i = 0; i < n; ) {
            int c = value.codePointAt(i);
            int next = i + Character.charCount(c);
            if (c == ' ') {
                if (allowBreaks && !spaces && column > BEST_WIDTH && !(next < n && value.charAt(next) == ' ')) {
                    writeIndent();
                } else {
                    write(c);
                }
                spaces = true;
            } else if (isBreak(c)) {
                if (!breaks && c == '\n') {
                    putBreak();
                }
                writeBreak(c);
                indention = true;
                breaks = true;
            } else {
                if (breaks) {
                    writeIndent();
                }
                write(c);
                indention = false;
                spaces = false;
                breaks = false;
            }
            i = next;
        }
        whitespace = false;
        indention = false;
    }

    private void writeSingleQuoted(String value, boolean allowBreaks) {
        writeIndicator("'", true, false, false);
        boolean spaces = false;
        boolean breaks = false;
        int n = value.length();
        for (int i = 0; i < n; ) {
            int c = value.codePointAt(i);
            int next = i + Character.charCount(c);
            if (c == ' ') {
                if (allowBreaks && !spaces && column > BEST_WIDTH && i > 0 && i < n - 1
                        && !(next < n && value.charAt(next) == ' ')) {
                    writeIndent();
                } else {
                    write(c);
                }
                spaces = true;
            } else if (isBreak(c)) {
                if (!breaks && c == '\n') {
                    putBreak();
                }
                writeBreak(c);
                indention = true;
                breaks = true;
            } else {
                if (breaks) {
                    writeIndent();
                }
                if (c == '\'') {
                    put('\'');
                }
                write(c);
                indention = false;
                spaces = false;
                breaks = false;
            }
            i = next;
        }
        writeIndicator("'", false, false, false);
        whitespace = false;
        indention = false;
    }

    private void writeDoubleQuoted(String value, boolean allowBreaks) {
        boolean spaces = false;
        // yaml.v2's is_bom looks at the scalar's first bytes, not the current ones: a leading BOM
        // gets every character escaped.
        boolean bom = value.startsWith("\uFEFF");
        writeIndicator("\"", true, false, false);
        int n = value.length();
        for (int i = 0; i < n; ) {
            int c = value.codePointAt(i);
            int next = i + Character.charCount(c);
            if (!isPrintable(c) || bom || isBreak(c) || c == '"' || c == '\\') {
                put('\\');
                switch (c) {
                    case 0x00 -> put('0');
                    case 0x07 -> put('a');
                    case 0x08 -> put('b');
                    case 0x09 -> put('t');
                    case 0x0A -> put('n');
                    case 0x0B -> put('v');
                    case 0x0C -> put('f');
                    case 0x0D -> put('r');
                    case 0x1B -> put('e');
                    case 0x22 -> put('"');
                    case 0x5C -> put('\\');
                    case 0x85 -> put('N');
                    case 0xA0 -> put('_');
                    case 0x2028 -> put('L');
                    case 0x2029 -> put('P');
                    default -> {
                        int width;
                        if (c <= 0xFF) {
                            put('x');
                            width = 2;
                        } else if (c <= 0xFFFF) {
                            put('u');
                            width = 4;
                        } else {
                            put('U');
                            width = 8;
                        }
                        for (int k = (width - 1) * 4; k >= 0; k -= 4) {
                            int digit = (c >> k) & 0x0F;
                            put((char) (digit < 10 ? '0' + digit : 'A' + digit - 10));
                        }
                    }
                }
                spaces = false;
            } else if (c == ' ') {
                if (allowBreaks && !spaces && column > BEST_WIDTH && i > 0 && i < n - 1) {
                    writeIndent();
                    if (next < n && value.charAt(next) == ' ') {
                        put('\\');
                    }
                } else {
                    write(c);
                }
                spaces = true;
            } else {
                write(c);
                spaces = false;
            }
            i = next;
        }
        writeIndicator("\"", false, false, false);
        whitespace = false;
        indention = false;
    }

    private void writeLiteral(String value) {
        writeIndicator("|", true, false, false);
        writeBlockScalarHints(value);
        putBreak();
        indention = true;
        whitespace = true;
        boolean breaks = true;
        int n = value.length();
        for (int i = 0; i < n; ) {
            int c = value.codePointAt(i);
            if (isBreak(c)) {
                writeBreak(c);
                indention = true;
                breaks = true;
            } else {
                if (breaks) {
                    writeIndent();
                }
                write(c);
                indention = false;
                breaks = false;
            }
            i += Character.charCount(c);
        }
    }

    private void writeBlockScalarHints(String value) {
        int first = value.codePointAt(0);
        if (first == ' ' || isBreak(first)) {
            writeIndicator(String.valueOf((char) ('0' + BEST_INDENT)), false, false, false);
        }
        String chomp = null;
        int last = value.codePointBefore(value.length());
        if (!isBreak(last)) {
            chomp = "-";
        } else if (value.length() == Character.charCount(last)) {
            chomp = "+";
        } else {
            int beforeLast = value.codePointBefore(value.length() - Character.charCount(last));
            if (isBreak(beforeLast)) {
                chomp = "+";
            }
        }
        if (chomp != null) {
            writeIndicator(chomp, false, false, false);
        }
    }

    // ------------------------------------------------------------------ low-level writing

    private void writeIndent() {
        int ind = Math.max(indent, 0);
        if (!indention || column > ind || (column == ind && !whitespace)) {
            putBreak();
        }
        while (column < ind) {
            put(' ');
        }
        whitespace = true;
        indention = true;
    }

    private void writeIndicator(String indicator, boolean needWhitespace, boolean isWhitespace, boolean isIndention) {
        if (needWhitespace && !whitespace) {
            put(' ');
        }
        for (int i = 0; i < indicator.length(); i++) {
            put(indicator.charAt(i));
        }
        whitespace = isWhitespace;
        indention = indention && isIndention;
    }

    private void put(char c) {
        out.append(c);
        column++;
    }

    private void write(int c) {
        out.appendCodePoint(c);
        column++;
    }

    private void putBreak() {
        out.append('\n');
        column = 0;
    }

    private void writeBreak(int c) {
        if (c == '\n') {
            putBreak();
        } else {
            out.appendCodePoint(c);
            column = 0;
        }
    }

    // ------------------------------------------------------------------ character classes

    static boolean isBreak(int c) {
        return c == '\r' || c == '\n' || c == 0x85 || c == 0x2028 || c == 0x2029;
    }

    private static boolean isBlank(int c) {
        return c == ' ' || c == '\t';
    }

    /** libyaml's printable set as yaml.v2 tests it on UTF-8 bytes. */
    static boolean isPrintable(int c) {
        return c == 0x0A || (c >= 0x20 && c <= 0x7E) || (c >= 0xA0 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF);
    }

    private static int utf8Length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
            i += Character.charCount(c);
        }
        return n;
    }
}
