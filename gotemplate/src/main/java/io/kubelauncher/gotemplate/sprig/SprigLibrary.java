package io.kubelauncher.gotemplate.sprig;

import io.kubelauncher.gotemplate.function.TemplateFunction;

import java.util.Map;

/**
 * Sprig 3.2.3's {@code TxtFuncMap()} for the Java template engine: every function with its Go
 * signature and Go's results, byte for byte where Go is deterministic.
 */
public final class SprigLibrary {

    private final Map<String, TemplateFunction> functions;

    private SprigLibrary(Map<String, TemplateFunction> functions) {
        this.functions = functions;
    }

    /** The library with the machine's clock, randomness, environment and resolver. */
    public static SprigLibrary create() {
        Registry r = new Registry();
        StringFunctions.register(r);
        NumericFunctions.register(r);
        DefaultFunctions.register(r);
        ListFunctions.register(r);
        DictFunctions.register(r);
        EncodingFunctions.register(r);
        return new SprigLibrary(r.toMap());
    }

    /** Every function by name; the map is immutable and its functions are thread-safe. */
    public Map<String, TemplateFunction> functions() {
        return functions;
    }
}
