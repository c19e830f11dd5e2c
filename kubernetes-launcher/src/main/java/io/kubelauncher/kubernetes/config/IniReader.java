package io.kubelauncher.kubernetes.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The INI dialect of the profile and resource files: {@code [section]} headers and
 * {@code key=value} lines. The key ends at the first {@code =}; keys, values and section names are
 * trimmed; lines starting with {@code #} or {@code ;} are comments. Unlike the SDK, a {@code #}
 * that follows a blank and is outside double quotes also starts a comment, because the admin
 * guide's own resource file example writes {@code name = "Default" # optional}; no valid value of
 * any key contains such a sequence, so files the SDK accepts read the same.
 */
final class IniReader {

    record Entry(String key, String value, int line) {}

    record Section(String name, int line, List<Entry> entries) {}

    private IniReader() {
    }

    /**
     * @param file how the file is named in messages (its path)
     * @throws ConfigException listing every structural error as {@code file:line: ...}
     */
    static List<Section> parse(String file, String text) throws ConfigException {
        Problems problems = new Problems();
        List<Section> sections = new ArrayList<>();
        Map<String, Integer> sectionLines = new HashMap<>();
        String sectionName = null;
        boolean inBadSection = false;
        int sectionLine = 0;
        Map<String, Entry> entries = new LinkedHashMap<>();
        // a byte order mark, as some Windows editors write, is not part of the first line
        String[] lines = (text.startsWith("\uFEFF") ? text.substring(1) : text).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int number = i + 1;
            String where = file + ":" + number;
            String line = stripComment(lines[i]).strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[")) {
                if (sectionName != null) {
                    sections.add(new Section(sectionName, sectionLine, List.copyOf(entries.values())));
                }
                sectionName = null;
                inBadSection = true;
                entries = new LinkedHashMap<>();
                int close = line.indexOf(']');
                if (close < 0) {
                    problems.add(where, "section header " + line + " has no closing ]");
                    continue;
                }
                if (close != line.length() - 1) {
                    problems.add(where, "unexpected text '" + line.substring(close + 1).strip()
                            + "' after section header " + line.substring(0, close + 1)
                            + ": put each key=value on its own line");
                    continue;
                }
                String name = line.substring(1, close).strip();
                if (name.isEmpty()) {
                    problems.add(where, "empty section name []");
                    continue;
                }
                Integer first = sectionLines.putIfAbsent(name, number);
                if (first != null) {
                    problems.add(where, "duplicate section [" + name + "] (first at line " + first + ")");
                    continue;
                }
                sectionName = name;
                inBadSection = false;
                sectionLine = number;
                continue;
            }
            int equals = line.indexOf('=');
            if (equals < 0) {
                problems.add(where, "expected key=value or [section], found '" + line + "'");
                continue;
            }
            String key = line.substring(0, equals).strip();
            String value = line.substring(equals + 1).strip();
            if (key.isEmpty()) {
                problems.add(where, "missing key before '=' in '" + line + "'");
                continue;
            }
            if (sectionName == null) {
                if (!inBadSection) {
                    problems.add(where, "key " + key + " is outside any section: keys must follow a"
                            + " [section] header");
                }
                // else: the enclosing header was bad and has been reported already
                continue;
            }
            Entry previous = entries.putIfAbsent(key, new Entry(key, value, number));
            if (previous != null) {
                problems.add(where, "duplicate key " + key + " in section [" + sectionName
                        + "] (first at line " + previous.line() + ")");
            }
        }
        if (sectionName != null) {
            sections.add(new Section(sectionName, sectionLine, List.copyOf(entries.values())));
        }
        problems.throwIfAny();
        return List.copyOf(sections);
    }

    /** Removes a trailing comment: a {@code #} after a blank, outside double quotes. */
    static String stripComment(String line) {
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '#' && !quoted && i > 0 && Character.isWhitespace(line.charAt(i - 1))) {
                return line.substring(0, i);
            }
        }
        return line;
    }
}
