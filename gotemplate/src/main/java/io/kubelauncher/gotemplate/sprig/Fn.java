package io.kubelauncher.gotemplate.sprig;

import io.kubelauncher.gotemplate.function.FunctionException;
import io.kubelauncher.gotemplate.function.Signature;
import io.kubelauncher.gotemplate.function.TemplateFunction;

/** A template function whose body is a lambda over already converted arguments. */
record Fn(Signature signature, Body body) implements TemplateFunction {

    /** The function body; arguments arrive converted to the declared signature. */
    @FunctionalInterface
    interface Body {
        Object call(Object[] args) throws FunctionException;
    }

    @Override
    public Object call(Object[] args) throws FunctionException {
        try {
            return body.call(args);
        } catch (GoPanic p) {
            throw new FunctionException(p.getMessage(), p);
        }
    }
}
