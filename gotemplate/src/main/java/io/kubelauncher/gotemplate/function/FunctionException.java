package io.kubelauncher.gotemplate.function;

/** A function's error result (or recovered panic), carrying Go's error text. */
public final class FunctionException extends Exception {

    private static final long serialVersionUID = 1L;

    public FunctionException(String goMessage) {
        super(goMessage);
    }

    public FunctionException(String goMessage, Throwable cause) {
        super(goMessage, cause);
    }
}
