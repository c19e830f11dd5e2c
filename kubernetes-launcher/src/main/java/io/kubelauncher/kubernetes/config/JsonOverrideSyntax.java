package io.kubelauncher.kubernetes.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code "/json/pointer":"/path/to/value.json","/other":"/other.json"}. */
final class JsonOverrideSyntax {

    private static final String FORM = "write \"/json/pointer\":\"/path/to/file.json\" pairs separated by commas";

    private final JsonMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    List<JsonOverride> parse(String raw, Path baseDir) throws InvalidValueException {
        List<JsonOverride> overrides = new ArrayList<>();
        Scanner in = new Scanner(raw.strip());
        while (!in.atEnd()) {
            String pointer = in.quoted("JSON pointer");
            in.expect(':');
            String file = in.quoted("value file");
            in.skipBlanks();
            if (!in.atEnd()) {
                in.expect(',');
                in.skipBlanks();
                if (in.atEnd()) {
                    throw new InvalidValueException("bad override: trailing comma; " + FORM);
                }
            }
            checkPointer(pointer);
            Path path;
            try {
                path = baseDir.resolve(file);
            } catch (InvalidPathException e) {
                throw new InvalidValueException("bad override file name \"" + file + "\": " + e.getReason());
            }
            overrides.add(new JsonOverride(pointer, path, read(path)));
        }
        return List.copyOf(overrides);
    }

    private static void checkPointer(String pointer) throws InvalidValueException {
        if (pointer.isEmpty()) {
            throw new InvalidValueException("bad override pointer \"\": it would replace the whole Job;"
                    + " point at a member such as \"/spec/template/spec/hostAliases\"");
        }
        if (!pointer.startsWith("/")) {
            throw new InvalidValueException("bad override pointer \"" + pointer
                    + "\": a JSON pointer starts with /");
        }
        for (int i = 0; i < pointer.length(); i++) {
            if (pointer.charAt(i) == '~') {
                char next = i + 1 < pointer.length() ? pointer.charAt(i + 1) : ' ';
                if (next != '0' && next != '1') {
                    throw new InvalidValueException("bad override pointer \"" + pointer
                            + "\": ~ must be followed by 0 (for ~) or 1 (for /)");
                }
            }
        }
    }

    private JsonNode read(Path file) throws InvalidValueException {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new InvalidValueException("unreadable override file " + file + ": " + ConfigException.describe(e));
        }
        try {
            return json.readTree(text);
        } catch (JacksonException e) {
            throw new InvalidValueException("override file " + file + " is not valid JSON: "
                    + e.getOriginalMessage());
        }
    }

    private static final class Scanner {
        private final String text;
        private int pos;

        Scanner(String text) {
            this.text = text;
        }

        boolean atEnd() {
            return pos >= text.length();
        }

        void skipBlanks() {
            while (!atEnd() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        void expect(char c) throws InvalidValueException {
            skipBlanks();
            if (atEnd() || text.charAt(pos) != c) {
                throw new InvalidValueException("bad override: expected '" + c + "' at column " + (pos + 1)
                        + " of " + text + "; " + FORM);
            }
            pos++;
        }

        String quoted(String what) throws InvalidValueException {
            skipBlanks();
            if (atEnd() || text.charAt(pos) != '"') {
                throw new InvalidValueException("bad override: expected a quoted " + what + " at column "
                        + (pos + 1) + " of " + text + "; " + FORM);
            }
            int end = text.indexOf('"', pos + 1);
            if (end < 0) {
                throw new InvalidValueException("bad override: unterminated quoted " + what + " in " + text);
            }
            String value = text.substring(pos + 1, end);
            pos = end + 1;
            return value;
        }
    }
}
