package io.kubelauncher.gotemplate.sprig;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Go's {@code strings} and {@code unicode} behaviour over Java strings. Go strings are UTF-8 bytes:
 * lengths and slice indexes here are byte offsets, and slicing inside a character yields what Java
 * can represent of the broken sequence (U+FFFD), the one place we cannot be byte-identical.
 */
final class GoStrings {

    private GoStrings() {
    }

    static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    static int byteLength(String s) {
        if (isAscii(s)) {
            return s.length();
        }
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** Go's {@code s[lo:hi]} on a string, with the runtime's panic messages. */
    static String slice(String s, int lo, int hi) {
        int len = byteLength(s);
        if (hi < 0) {
            throw new GoPanic("runtime error: slice bounds out of range [:" + hi + "]");
        }
        if (hi > len) {
            throw new GoPanic("runtime error: slice bounds out of range [:" + hi + "] with length " + len);
        }
        if (lo < 0) {
            throw new GoPanic("runtime error: slice bounds out of range [" + lo + ":]");
        }
        if (lo > hi) {
            throw new GoPanic("runtime error: slice bounds out of range [" + lo + ":" + hi + "]");
        }
        if (len == s.length()) {
            return s.substring(lo, hi);
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return new String(b, lo, hi - lo, StandardCharsets.UTF_8);
    }

    /** {@code unicode.IsSpace}. */
    static boolean isSpace(int r) {
        if (r < 0x100) {
            return r == ' ' || (r >= '\t' && r <= '\r') || r == 0x85 || r == 0xA0;
        }
        return r == 0x1680 || (r >= 0x2000 && r <= 0x200A) || r == 0x2028 || r == 0x2029 || r == 0x202F
                || r == 0x205F || r == 0x3000;
    }

    static boolean isUpper(int r) {
        return Character.getType(r) == Character.UPPERCASE_LETTER;
    }

    static boolean isLower(int r) {
        return Character.getType(r) == Character.LOWERCASE_LETTER;
    }

    static boolean isTitle(int r) {
        return Character.getType(r) == Character.TITLECASE_LETTER;
    }

    static boolean isLetter(int r) {
        return Character.isLetter(r);
    }

    static boolean isDigit(int r) {
        return Character.getType(r) == Character.DECIMAL_DIGIT_NUMBER;
    }

    static boolean isNumber(int r) {
        int t = Character.getType(r);
        return t == Character.DECIMAL_DIGIT_NUMBER || t == Character.LETTER_NUMBER || t == Character.OTHER_NUMBER;
    }

    static boolean isPunct(int r) {
        switch (Character.getType(r)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION, Character.OTHER_PUNCTUATION -> {
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /** {@code strings.TrimSpace}. */
    static String trimSpace(String s) {
        int start = 0;
        int end = s.length();
        while (start < end) {
            int r = s.codePointAt(start);
            if (!isSpace(r)) {
                break;
            }
            start += Character.charCount(r);
        }
        while (end > start) {
            int r = s.codePointBefore(end);
            if (!isSpace(r)) {
                break;
            }
            end -= Character.charCount(r);
        }
        return s.substring(start, end);
    }

    /** {@code strings.ToUpper}: simple per-rune mapping, no locale, no expansion (ß stays ß). */
    static String toUpper(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); ) {
            int r = s.codePointAt(i);
            int u = Character.toUpperCase(r);
            if (u != r && out == null) {
                out = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (out != null) {
                out.appendCodePoint(u);
            }
            i += Character.charCount(r);
        }
        return out == null ? s : out.toString();
    }

    /** {@code strings.ToLower}. */
    static String toLower(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); ) {
            int r = s.codePointAt(i);
            int u = Character.toLowerCase(r);
            if (u != r && out == null) {
                out = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (out != null) {
                out.appendCodePoint(u);
            }
            i += Character.charCount(r);
        }
        return out == null ? s : out.toString();
    }

    /** {@code strings.Trim(s, cutset)}. */
    static String trimCutset(String s, String cutset) {
        if (s.isEmpty() || cutset.isEmpty()) {
            return s;
        }
        int start = 0;
        int end = s.length();
        while (start < end) {
            int r = s.codePointAt(start);
            if (cutset.indexOf(r) < 0) {
                break;
            }
            start += Character.charCount(r);
        }
        while (end > start) {
            int r = s.codePointBefore(end);
            if (cutset.indexOf(r) < 0) {
                break;
            }
            end -= Character.charCount(r);
        }
        return s.substring(start, end);
    }

    /** {@code strings.SplitN(s, sep, n)}; n < 0 means all. Returns null for n == 0 (Go's nil). */
    static List<String> split(String s, String sep, int n) {
        if (n == 0) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        if (sep.isEmpty()) {
            // Explode into UTF-8 sequences, the last one holding the rest when n runs out.
            int i = 0;
            while (i < s.length()) {
                if (n > 0 && parts.size() == n - 1) {
                    parts.add(s.substring(i));
                    return parts;
                }
                int r = s.codePointAt(i);
                int next = i + Character.charCount(r);
                parts.add(s.substring(i, next));
                i = next;
            }
            return parts;
        }
        int start = 0;
        while (n < 0 || parts.size() < n - 1) {
            int at = s.indexOf(sep, start);
            if (at < 0) {
                break;
            }
            parts.add(s.substring(start, at));
            start = at + sep.length();
        }
        parts.add(s.substring(start));
        return parts;
    }

    /** {@code strings.Replace(s, old, new, -1)}; an empty old matches before every rune and at the end. */
    static String replaceAll(String s, String old, String replacement) {
        if (!old.isEmpty()) {
            return s.replace(old, replacement);
        }
        StringBuilder out = new StringBuilder(s.length() + (s.length() + 1) * replacement.length());
        out.append(replacement);
        for (int i = 0; i < s.length(); ) {
            int r = s.codePointAt(i);
            out.appendCodePoint(r).append(replacement);
            i += Character.charCount(r);
        }
        return out.toString();
    }

    /** The UTF-8 bytes of s, each as the char of the same value (Go code that ranges over bytes as runes). */
    static String bytesAsLatin1(String s) {
        if (isAscii(s)) {
            return s;
        }
        return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    /** Index of a byte offset in s (as a char index), for byte-oriented algorithms on ASCII-safe paths. */
    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String fromUtf8(byte[] b, int from, int to) {
        return new String(b, from, to - from, StandardCharsets.UTF_8);
    }
}
