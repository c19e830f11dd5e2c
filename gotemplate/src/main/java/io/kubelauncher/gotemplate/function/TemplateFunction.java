package io.kubelauncher.gotemplate.function;

/**
 * A function callable from a template: a Go builtin, a Sprig function or one of the plugin's.
 *
 * <p>The executor checks the argument count and converts every argument to the declared
 * {@link Signature} first, with Go's error messages, so implementations see values of the declared
 * Java representation (a variadic tail arrives as the trailing elements of {@code args}).
 */
public interface TemplateFunction {

    Signature signature();

    /**
     * Calls the function.
     *
     * @throws FunctionException for a Go error result or a Go panic; its message is what Go's
     *     {@code err.Error()} would be, and the executor reports it as
     *     {@code error calling NAME: MESSAGE}
     */
    Object call(Object[] args) throws FunctionException;
}
