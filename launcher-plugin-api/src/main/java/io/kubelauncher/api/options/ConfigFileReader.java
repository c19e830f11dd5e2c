package io.kubelauncher.api.options;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a main config file in the SDK's format (spec 2.6): one {@code name=value} per line,
 * {@code #} starts a comment anywhere on a line, blanks around names and values are ignored, and a
 * {@code [section]} header prefixes the names after it with {@code section.}. Each value records its
 * {@code FILE:LINE}.
 */
public final class ConfigFileReader {

    private ConfigFileReader() {
    }

    /**
     * @throws OptionException for a line that is not {@code name=value}, an empty name, or an option
     *     given twice (as the SDK refuses it), naming FILE:LINE
     * @throws IOException if the file cannot be read
     */
    public static List<OptionValue> read(Path file) throws IOException {
        // Decoded leniently: a stray Latin-1 byte (say in a comment) becomes U+FFFD instead of
        // making the whole file unreadable, and a value it lands in fails its own check at its line.
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        // a byte order mark, as Windows editors write, would otherwise become part of the first name
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return parse(file.toString(), text.lines().toList());
    }

    static List<OptionValue> parse(String fileName, List<String> lines) {
        Map<String, OptionValue> values = new LinkedHashMap<>();
        String section = "";
        for (int i = 0; i < lines.size(); i++) {
            String origin = fileName + ":" + (i + 1);
            String line = lines.get(i);
            int hash = line.indexOf('#');
            if (hash >= 0) {
                line = line.substring(0, hash);
            }
            line = line.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("[")) {
                if (!line.endsWith("]") || line.length() < 3) {
                    throw new OptionException(origin + ": malformed section header \"" + line + "\"");
                }
                section = line.substring(1, line.length() - 1).strip() + ".";
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new OptionException(origin + ": expected name=value, got \"" + line + "\"");
            }
            String name = line.substring(0, eq).strip();
            if (name.isEmpty()) {
                throw new OptionException(origin + ": missing option name before '='");
            }
            String fullName = section.isEmpty() ? name : section + name;
            OptionValue previous = values.get(fullName);
            if (previous != null) {
                throw new OptionException(origin + ": option " + fullName + " is already set at "
                        + previous.origin());
            }
            values.put(fullName, new OptionValue(fullName, line.substring(eq + 1).strip(), origin));
        }
        return new ArrayList<>(values.values());
    }
}
