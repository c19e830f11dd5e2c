package io.kubelauncher.gotemplate.sprig;

import static io.kubelauncher.gotemplate.sprig.Registry.sig;
import static io.kubelauncher.gotemplate.sprig.Registry.variadic;
import static io.kubelauncher.gotemplate.sprig.Types.ANY;
import static io.kubelauncher.gotemplate.sprig.Types.BOOL;
import static io.kubelauncher.gotemplate.sprig.Types.INT;
import static io.kubelauncher.gotemplate.sprig.Types.STRING;

import io.kubelauncher.gotemplate.format.GoFmt;
import io.kubelauncher.gotemplate.format.GoStrconv;

import java.util.ArrayList;
import java.util.List;

/** Sprig's string functions (strings.go and the string entries of functions.go). */
final class StringFunctions {

    private StringFunctions() {
    }

    static void register(Registry r) {
        r.add("abbrev", sig(STRING, INT, STRING), a -> abbrev((Integer) a[0], (String) a[1]));
        r.add("abbrevboth", sig(STRING, INT, INT, STRING), a -> abbrevboth((Integer) a[0], (Integer) a[1], (String) a[2]));
        r.add("trunc", sig(STRING, INT, STRING), a -> trunc((Integer) a[0], (String) a[1]));
        r.add("trim", sig(STRING, STRING), a -> GoStrings.trimSpace((String) a[0]));
        r.add("upper", sig(STRING, STRING), a -> GoStrings.toUpper((String) a[0]));
        r.add("lower", sig(STRING, STRING), a -> GoStrings.toLower((String) a[0]));
        r.add("title", sig(STRING, STRING), a -> title((String) a[0]));
        r.add("untitle", sig(STRING, STRING), a -> untitle((String) a[0]));
        r.add("substr", sig(STRING, INT, INT, STRING), a -> substr((Integer) a[0], (Integer) a[1], (String) a[2]));
        r.add("repeat", sig(STRING, INT, STRING), a -> repeat((Integer) a[0], (String) a[1]));
        r.add("trimall", sig(STRING, STRING, STRING), a -> GoStrings.trimCutset((String) a[1], (String) a[0]));
        r.add("trimAll", sig(STRING, STRING, STRING), a -> GoStrings.trimCutset((String) a[1], (String) a[0]));
        r.add("trimSuffix", sig(STRING, STRING, STRING), a -> trimSuffix((String) a[1], (String) a[0]));
        r.add("trimPrefix", sig(STRING, STRING, STRING), a -> trimPrefix((String) a[1], (String) a[0]));
        r.add("nospace", sig(STRING, STRING), a -> nospace((String) a[0]));
        r.add("initials", sig(STRING, STRING), a -> initials((String) a[0]));
        r.add("swapcase", sig(STRING, STRING), a -> swapcase((String) a[0]));
        r.add("snakecase", sig(STRING, STRING), a -> CaseConversion.toSnakeCase((String) a[0]));
        r.add("camelcase", sig(STRING, STRING), a -> CaseConversion.toCamelCase((String) a[0]));
        r.add("kebabcase", sig(STRING, STRING), a -> CaseConversion.toKebabCase((String) a[0]));
        r.add("wrap", sig(STRING, INT, STRING), a -> wrap((String) a[1], (Integer) a[0], "", false));
        r.add("wrapWith", sig(STRING, INT, STRING, STRING), a -> wrap((String) a[2], (Integer) a[0], (String) a[1], true));
        r.add("contains", sig(BOOL, STRING, STRING), a -> ((String) a[1]).contains((String) a[0]));
        r.add("hasPrefix", sig(BOOL, STRING, STRING), a -> ((String) a[1]).startsWith((String) a[0]));
        r.add("hasSuffix", sig(BOOL, STRING, STRING), a -> ((String) a[1]).endsWith((String) a[0]));
        r.add("quote", variadic(STRING, ANY), StringFunctions::quote);
        r.add("squote", variadic(STRING, ANY), StringFunctions::squote);
        r.add("cat", variadic(STRING, ANY), StringFunctions::cat);
        r.add("indent", sig(STRING, INT, STRING), a -> indent((Integer) a[0], (String) a[1]));
        r.add("nindent", sig(STRING, INT, STRING), a -> "\n" + indent((Integer) a[0], (String) a[1]));
        r.add("replace", sig(STRING, STRING, STRING, STRING),
                a -> GoStrings.replaceAll((String) a[2], (String) a[0], (String) a[1]));
        r.add("plural", sig(STRING, STRING, STRING, INT), a -> (Integer) a[2] == 1 ? a[0] : a[1]);
        r.add("toString", sig(STRING, ANY), a -> Cast.strval(a[0]));
    }

    static String abbrev(int width, String s) {
        if (width < 4) {
            return s;
        }
        return abbreviateFull(s, 0, width);
    }

    static String abbrevboth(int left, int right, String s) {
        if (right < 4 || left > 0 && right < 7) {
            return s;
        }
        return abbreviateFull(s, left, right);
    }

    /** goutils.AbbreviateFull (byte offsets); its errors are ignored by Sprig, yielding "". */
    private static String abbreviateFull(String str, int offset, int maxWidth) {
        if (str.isEmpty()) {
            return "";
        }
        if (maxWidth < 4) {
            return "";
        }
        int len = GoStrings.byteLength(str);
        if (len <= maxWidth) {
            return str;
        }
        if (offset > len) {
            offset = len;
        }
        if (len - offset < maxWidth - 3) {
            offset = len - (maxWidth - 3);
        }
        String marker = "...";
        if (offset <= 4) {
            return GoStrings.slice(str, 0, maxWidth - 3) + marker;
        }
        if (maxWidth < 7) {
            return "";
        }
        if (offset + maxWidth - 3 < len) {
            return marker + abbreviateFull(GoStrings.slice(str, offset, len), 0, maxWidth - 3);
        }
        return marker + GoStrings.slice(str, len - (maxWidth - 3), len);
    }

    static String trunc(int c, String s) {
        int len = GoStrings.byteLength(s);
        if (c < 0 && len + c > 0) {
            return GoStrings.slice(s, len + c, len);
        }
        if (c >= 0 && len > c) {
            return GoStrings.slice(s, 0, c);
        }
        return s;
    }

    /** strings.Title: upper-cases (title-cases) letters that start words. */
    static String title(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int prev = ' ';
        for (int i = 0; i < s.length(); ) {
            int r = s.codePointAt(i);
            if (isSeparator(prev)) {
                out.appendCodePoint(Character.toTitleCase(r));
            } else {
                out.appendCodePoint(r);
            }
            prev = r;
            i += Character.charCount(r);
        }
        return out.toString();
    }

    private static boolean isSeparator(int r) {
        if (r <= 0x7F) {
            return !((r >= '0' && r <= '9') || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || r == '_');
        }
        if (Character.isLetter(r) || GoStrings.isDigit(r)) {
            return false;
        }
        return GoStrings.isSpace(r);
    }

    static String untitle(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean next = true;
        for (int i = 0; i < s.length(); ) {
            int r = s.codePointAt(i);
            if (GoStrings.isSpace(r)) {
                next = true;
                out.appendCodePoint(r);
            } else if (next) {
                out.appendCodePoint(Character.toLowerCase(r));
                next = false;
            } else {
                out.appendCodePoint(r);
            }
            i += Character.charCount(r);
        }
        return out.toString();
    }

    static String substr(int start, int end, String s) {
        if (start < 0) {
            return GoStrings.slice(s, 0, end);
        }
        int len = GoStrings.byteLength(s);
        if (end < 0 || end > len) {
            return GoStrings.slice(s, start, len);
        }
        return GoStrings.slice(s, start, end);
    }

    static String repeat(int count, String s) {
        if (count < 0) {
            throw new GoPanic("strings: negative Repeat count");
        }
        return s.repeat(count);
    }

    static String trimSuffix(String s, String suffix) {
        return s.endsWith(suffix) ? s.substring(0, s.length() - suffix.length()) : s;
    }

    static String trimPrefix(String s, String prefix) {
        return s.startsWith(prefix) ? s.substring(prefix.length()) : s;
    }

    /** goutils.DeleteWhiteSpace: walks bytes as if each were a rune (so multi-byte text is mangled, as in Go). */
    static String nospace(String s) {
        if (s.isEmpty()) {
            return s;
        }
        String bytes = GoStrings.bytesAsLatin1(s);
        StringBuilder out = new StringBuilder(bytes.length());
        for (int i = 0; i < bytes.length(); i++) {
            char c = bytes.charAt(i);
            if (!GoStrings.isSpace(c)) {
                out.append(c);
            }
        }
        return out.length() == bytes.length() ? s : out.toString();
    }

    /** goutils.Initials: also byte-wise, with whitespace delimiters. */
    static String initials(String s) {
        if (s.isEmpty()) {
            return s;
        }
        String bytes = GoStrings.bytesAsLatin1(s);
        StringBuilder out = new StringBuilder();
        boolean lastWasGap = true;
        for (int i = 0; i < bytes.length(); i++) {
            char c = bytes.charAt(i);
            if (GoStrings.isSpace(c)) {
                lastWasGap = true;
            } else if (lastWasGap) {
                out.append(c);
                lastWasGap = false;
            }
        }
        return out.toString();
    }

    /** goutils.SwapCase: upper→lower, lower→upper, and lower after whitespace→title. */
    static String swapcase(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean whitespace = true;
        for (int i = 0; i < s.length(); ) {
            int r = s.codePointAt(i);
            int o = r;
            if (GoStrings.isUpper(r) || GoStrings.isTitle(r)) {
                o = Character.toLowerCase(r);
                whitespace = false;
            } else if (GoStrings.isLower(r)) {
                o = whitespace ? Character.toTitleCase(r) : Character.toUpperCase(r);
                whitespace = false;
            } else {
                whitespace = GoStrings.isSpace(r);
            }
            out.appendCodePoint(o);
            i += Character.charCount(r);
        }
        return out.toString();
    }

    /** goutils.WrapCustom, on byte offsets. */
    static String wrap(String str, int wrapLength, String newLine, boolean wrapLongWords) {
        if (str.isEmpty()) {
            return "";
        }
        if (newLine.isEmpty()) {
            newLine = "\n";
        }
        if (wrapLength < 1) {
            wrapLength = 1;
        }
        byte[] b = GoStrings.utf8(str);
        int len = b.length;
        int offset = 0;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(len + 16);
        byte[] nl = GoStrings.utf8(newLine);
        while (len - offset > wrapLength) {
            if (b[offset] == ' ') {
                offset++;
                continue;
            }
            int end = Math.min(wrapLength + offset + 1, len);
            int space = lastIndexOfSpace(b, offset, end);
            if (space >= offset) {
                out.write(b, offset, space - offset);
                out.write(nl, 0, nl.length);
                offset = space + 1;
            } else if (wrapLongWords) {
                out.write(b, offset, wrapLength);
                out.write(nl, 0, nl.length);
                offset += wrapLength;
            } else {
                int from = wrapLength + offset;
                int index = -1;
                for (int i = from; i < len; i++) {
                    if (b[i] == ' ') {
                        index = i;
                        break;
                    }
                }
                if (index == -1) {
                    out.write(b, offset, len - offset);
                    offset = len;
                } else {
                    out.write(b, offset, index - offset);
                    out.write(nl, 0, nl.length);
                    offset = index + 1;
                }
            }
        }
        out.write(b, offset, len - offset);
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static int lastIndexOfSpace(byte[] b, int from, int to) {
        for (int i = to - 1; i >= from; i--) {
            if (b[i] == ' ') {
                return i;
            }
        }
        return -1;
    }

    static Object quote(Object[] args) {
        StringBuilder out = new StringBuilder();
        for (Object s : args) {
            if (s != null) {
                if (out.length() > 0) {
                    out.append(' ');
                }
                out.append(GoStrconv.quote(Cast.strval(s)));
            }
        }
        return out.toString();
    }

    static Object squote(Object[] args) {
        StringBuilder out = new StringBuilder();
        for (Object s : args) {
            if (s != null) {
                if (out.length() > 0) {
                    out.append(' ');
                }
                out.append('\'').append(GoFmt.formatValue(s)).append('\'');
            }
        }
        return out.toString();
    }

    static Object cat(Object[] args) {
        List<Object> kept = new ArrayList<>(args.length);
        for (Object a : args) {
            if (a != null) {
                kept.add(a);
            }
        }
        StringBuilder format = new StringBuilder();
        for (int i = 0; i < kept.size(); i++) {
            format.append(i == 0 ? "%v" : " %v");
        }
        return GoFmt.sprintf(format.toString(), kept.toArray());
    }

    static String indent(int spaces, String v) {
        String pad = repeat(spaces, " ");
        return pad + v.replace("\n", "\n" + pad);
    }
}
