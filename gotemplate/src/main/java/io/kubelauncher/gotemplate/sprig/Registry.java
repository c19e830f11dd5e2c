package io.kubelauncher.gotemplate.sprig;

import io.kubelauncher.gotemplate.function.GoType;
import io.kubelauncher.gotemplate.function.Signature;
import io.kubelauncher.gotemplate.function.TemplateFunction;

import java.util.LinkedHashMap;
import java.util.Map;

/** Collects functions by name while a library is assembled. */
final class Registry {

    private final Map<String, TemplateFunction> functions = new LinkedHashMap<>();

    void add(String name, Signature signature, Fn.Body body) {
        put(name, new Fn(signature, body));
    }

    void put(String name, TemplateFunction function) {
        if (functions.putIfAbsent(name, function) != null) {
            throw new IllegalStateException("function registered twice: " + name);
        }
    }

    /** Registers {@code alias} as the very same function as {@code name}. */
    void alias(String alias, String name) {
        TemplateFunction f = functions.get(name);
        if (f == null) {
            throw new IllegalStateException("no function " + name + " to alias as " + alias);
        }
        put(alias, f);
    }

    Map<String, TemplateFunction> toMap() {
        return Map.copyOf(functions);
    }

    static Signature sig(GoType result, GoType... params) {
        return Signature.of(result, params);
    }

    static Signature variadic(GoType result, GoType tail, GoType... params) {
        return Signature.variadic(result, tail, params);
    }
}
