package io.kubelauncher.gotemplate.function;

import java.util.List;

/**
 * The Go signature of a template function.
 *
 * @param params the fixed parameters, in order
 * @param variadic the element type of a final {@code ...T} parameter, or null when not variadic
 * @param result the first result's type
 * @param returnsError true when the Go function returns {@code (T, error)}
 */
public record Signature(List<GoType> params, GoType variadic, GoType result, boolean returnsError) {

    public Signature {
        params = List.copyOf(params);
    }

    public static Signature of(GoType result, GoType... params) {
        return new Signature(List.of(params), null, result, false);
    }

    public static Signature variadic(GoType result, GoType variadic, GoType... params) {
        return new Signature(List.of(params), variadic, result, false);
    }

    /** The same signature, declared as returning {@code (T, error)}. */
    public Signature withError() {
        return new Signature(params, variadic, result, true);
    }

    public boolean isVariadic() {
        return variadic != null;
    }
}
