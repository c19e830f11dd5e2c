package io.kubelauncher.gotemplate.sprig;

/**
 * huandu/xstrings' camelcase, snakecase and kebabcase: the string is cut into words (connectors,
 * punctuation, upper-case runs, letter runs, numbers, others) and re-joined.
 */
final class CaseConversion {

    private enum WordType { INVALID, NUMBER, UPPER_CASE, ALPHABET, CONNECTOR, PUNCT, OTHER }

    /** A word found at the front of a string; {@code end} is where the remaining text starts. */
    private record Word(WordType type, String text, String remaining) {
    }

    private CaseConversion() {
    }

    static boolean isConnector(int r) {
        return r == '-' || r == '_' || GoStrings.isSpace(r);
    }

    private static boolean isAlphabet(int r) {
        if (!Character.isLetter(r)) {
            return false;
        }
        if (r < 0x3400) {
            return true;
        }
        return !((r >= 0x4E00 && r <= 0x9FCC) || (r >= 0x3400 && r <= 0x4D85) || (r >= 0x20000 && r <= 0x2B81D));
    }

    static String toCamelCase(String str) {
        if (str.isEmpty()) {
            return "";
        }
        StringBuilder buf = new StringBuilder(str.length());
        int i = 0;
        int r0 = 0;
        while (i < str.length()) {
            r0 = str.codePointAt(i);
            i += Character.charCount(r0);
            if (!isConnector(r0)) {
                r0 = Character.toUpperCase(r0);
                break;
            }
            buf.appendCodePoint(r0);
        }
        if (i >= str.length()) {
            // Go writes the last rune read once more, even when it was a connector already written.
            buf.appendCodePoint(r0);
            return buf.toString();
        }
        while (i < str.length()) {
            int r1 = r0;
            r0 = str.codePointAt(i);
            i += Character.charCount(r0);
            if (isConnector(r0) && isConnector(r1)) {
                buf.appendCodePoint(r1);
                continue;
            }
            if (isConnector(r1)) {
                r0 = Character.toUpperCase(r0);
            } else {
                r0 = Character.toLowerCase(r0);
                buf.appendCodePoint(r1);
            }
        }
        buf.appendCodePoint(r0);
        return buf.toString();
    }

    static String toSnakeCase(String str) {
        return camelCaseToLowerCase(str, '_');
    }

    static String toKebabCase(String str) {
        return camelCaseToLowerCase(str, '-');
    }

    private static String camelCaseToLowerCase(String str, char connector) {
        if (str.isEmpty()) {
            return "";
        }
        StringBuilder buf = new StringBuilder(str.length() + 4);
        Word w = nextWord(str);
        while (!w.remaining().isEmpty()) {
            if (w.type() != WordType.CONNECTOR) {
                toLower(buf, w.type(), w.text(), connector);
            }
            WordType prev = w.type();
            String last = w.text();
            w = nextWord(w.remaining());
            switch (prev) {
                case NUMBER -> {
                    while (w.type() == WordType.ALPHABET || w.type() == WordType.NUMBER) {
                        toLower(buf, w.type(), w.text(), connector);
                        w = nextWord(w.remaining());
                    }
                    if (w.type() != WordType.INVALID && w.type() != WordType.PUNCT && w.type() != WordType.CONNECTOR) {
                        buf.append(connector);
                    }
                }
                case CONNECTOR -> toLower(buf, prev, last, connector);
                case PUNCT -> {
                }
                default -> {
                    if (w.type() != WordType.NUMBER) {
                        if (w.type() != WordType.CONNECTOR && w.type() != WordType.PUNCT) {
                            buf.append(connector);
                        }
                        break;
                    }
                    if (w.remaining().isEmpty()) {
                        break;
                    }
                    String number = w.text();
                    w = nextWord(w.remaining());
                    if (w.type() != WordType.ALPHABET) {
                        toLower(buf, WordType.NUMBER, number, connector);
                        if (w.type() != WordType.CONNECTOR && w.type() != WordType.PUNCT) {
                            buf.append(connector);
                        }
                        break;
                    }
                    buf.append(connector);
                    toLower(buf, WordType.NUMBER, number, connector);
                    while (w.type() == WordType.ALPHABET || w.type() == WordType.NUMBER) {
                        toLower(buf, w.type(), w.text(), connector);
                        w = nextWord(w.remaining());
                    }
                    if (w.type() != WordType.INVALID && w.type() != WordType.CONNECTOR && w.type() != WordType.PUNCT) {
                        buf.append(connector);
                    }
                }
            }
        }
        toLower(buf, w.type(), w.text(), connector);
        return buf.toString();
    }

    private static void toLower(StringBuilder buf, WordType type, String s, char connector) {
        if (type != WordType.UPPER_CASE && type != WordType.CONNECTOR) {
            buf.append(s);
            return;
        }
        for (int i = 0; i < s.length(); ) {
            int r = s.codePointAt(i);
            i += Character.charCount(r);
            if (isConnector(r)) {
                buf.append(connector);
            } else if (GoStrings.isUpper(r)) {
                buf.appendCodePoint(Character.toLowerCase(r));
            } else {
                buf.appendCodePoint(r);
            }
        }
    }

    private static Word nextWord(String str) {
        if (str.isEmpty()) {
            return new Word(WordType.INVALID, "", "");
        }
        int r = str.codePointAt(0);
        int size = Character.charCount(r);
        int offset = size;
        int pos = size; // start of "remaining"
        WordType type;
        if (isConnector(r)) {
            type = WordType.CONNECTOR;
            while (pos < str.length()) {
                r = str.codePointAt(pos);
                if (!isConnector(r)) {
                    break;
                }
                pos += Character.charCount(r);
            }
            offset = pos;
        } else if (GoStrings.isPunct(r)) {
            type = WordType.PUNCT;
            while (pos < str.length()) {
                r = str.codePointAt(pos);
                if (!GoStrings.isPunct(r)) {
                    break;
                }
                pos += Character.charCount(r);
            }
            offset = pos;
        } else if (GoStrings.isUpper(r)) {
            type = WordType.UPPER_CASE;
            if (pos < str.length()) {
                r = str.codePointAt(pos);
                size = Character.charCount(r);
                if (GoStrings.isUpper(r)) {
                    int prevSize = size;
                    pos += size;
                    while (pos < str.length()) {
                        r = str.codePointAt(pos);
                        if (!GoStrings.isUpper(r)) {
                            break;
                        }
                        prevSize = Character.charCount(r);
                        pos += prevSize;
                    }
                    // "HTTPStatus" splits into "HTTP" and "Status".
                    if (pos < str.length() && isAlphabet(r)) {
                        pos -= prevSize;
                    }
                } else if (isAlphabet(r)) {
                    pos += size;
                    while (pos < str.length()) {
                        r = str.codePointAt(pos);
                        if (!isAlphabet(r) || GoStrings.isUpper(r)) {
                            break;
                        }
                        pos += Character.charCount(r);
                    }
                }
            }
            offset = pos;
        } else if (isAlphabet(r)) {
            type = WordType.ALPHABET;
            while (pos < str.length()) {
                r = str.codePointAt(pos);
                if (!isAlphabet(r) || GoStrings.isUpper(r)) {
                    break;
                }
                pos += Character.charCount(r);
            }
            offset = pos;
        } else if (GoStrings.isNumber(r)) {
            type = WordType.NUMBER;
            while (pos < str.length()) {
                r = str.codePointAt(pos);
                if (!GoStrings.isNumber(r)) {
                    break;
                }
                pos += Character.charCount(r);
            }
            offset = pos;
        } else {
            type = WordType.OTHER;
            while (pos < str.length()) {
                r = str.codePointAt(pos);
                if (isConnector(r) || isAlphabet(r) || GoStrings.isNumber(r) || GoStrings.isPunct(r)) {
                    break;
                }
                pos += Character.charCount(r);
            }
            offset = pos;
        }
        return new Word(type, str.substring(0, offset), str.substring(offset));
    }
}
