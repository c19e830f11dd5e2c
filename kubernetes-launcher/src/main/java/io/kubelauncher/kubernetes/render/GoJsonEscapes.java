package io.kubelauncher.kubernetes.render;

import tools.jackson.core.SerializableString;
import tools.jackson.core.io.CharacterEscapes;
import tools.jackson.core.io.SerializedString;

/**
 * The escaping of Go's {@code encoding/json} (what the templates' {@code toJson} writes): besides
 * JSON's own, {@code <}, {@code >} and {@code &} (HTML safety) and the line and paragraph separators
 * U+2028 and U+2029 (JavaScript safety) become {@code \u003c}-style escapes with lower-case hex, so
 * that the built-in spec writes the very bytes the default templates do.
 */
final class GoJsonEscapes extends CharacterEscapes {

    static final GoJsonEscapes INSTANCE = new GoJsonEscapes();

    private final int[] ascii;

    private GoJsonEscapes() {
        ascii = standardAsciiEscapesForJSON();
        ascii['<'] = ESCAPE_CUSTOM;
        ascii['>'] = ESCAPE_CUSTOM;
        ascii['&'] = ESCAPE_CUSTOM;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
        return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
        return switch (ch) {
            case '<', '>', '&', 0x2028, 0x2029 -> new SerializedString(String.format("\\u%04x", ch));
            default -> null;
        };
    }
}
