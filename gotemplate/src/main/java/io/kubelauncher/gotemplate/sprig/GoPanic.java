package io.kubelauncher.gotemplate.sprig;

/**
 * A Go runtime panic inside a Sprig function (nil dereference, failed type assertion, index out of
 * range...). text/template recovers panics into errors, so {@link Fn} turns it into a
 * {@link io.kubelauncher.gotemplate.function.FunctionException} carrying the same text.
 */
final class GoPanic extends RuntimeException {

    private static final long serialVersionUID = 1L;

    static final String NIL_DEREFERENCE = "runtime error: invalid memory address or nil pointer dereference";

    GoPanic(String message) {
        super(message, null, false, false);
    }

    static GoPanic nilDereference() {
        return new GoPanic(NIL_DEREFERENCE);
    }

    /** Go's failed {@code x.(T)} on an interface value. */
    static GoPanic interfaceConversion(Object value, String wanted) {
        if (value == null) {
            return new GoPanic("interface conversion: interface {} is nil, not " + wanted);
        }
        return new GoPanic("interface conversion: interface {} is "
                + io.kubelauncher.gotemplate.format.GoFmt.typeName(value) + ", not " + wanted);
    }
}
