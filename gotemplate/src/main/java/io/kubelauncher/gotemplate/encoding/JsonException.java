package io.kubelauncher.gotemplate.encoding;

/** A JSON marshal or unmarshal error carrying Go's {@code err.Error()} text. */
public final class JsonException extends Exception {

    private static final long serialVersionUID = 1L;

    public JsonException(String goMessage) {
        super(goMessage, null, false, false);
    }
}
