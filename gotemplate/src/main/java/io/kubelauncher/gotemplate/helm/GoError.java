package io.kubelauncher.gotemplate.helm;

import io.kubelauncher.gotemplate.encoding.JsonMarshaler;
import io.kubelauncher.gotemplate.function.GoValue;

import java.util.Objects;

/**
 * A Go {@code error} value held in a struct field ({@code ExecResult.Err}): prints as its
 * {@code Error()} text and marshals to JSON as Go marshals the concrete error type.
 *
 * @param goTypeName the concrete Go type, e.g. {@code *exec.ExitError}
 * @param message what {@code Error()} returns
 * @param json the value encoding/json makes of it
 */
public record GoError(String goTypeName, String message, Object json) implements GoValue, JsonMarshaler {

    public GoError {
        Objects.requireNonNull(goTypeName, "goTypeName");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String goString() {
        return message;
    }

    @Override
    public Object toJsonValue() {
        return json;
    }
}
