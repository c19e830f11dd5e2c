package io.kubelauncher.gotemplate.helm;

import io.kubelauncher.gotemplate.function.GoType;
import io.kubelauncher.gotemplate.function.Signature;
import io.kubelauncher.gotemplate.function.TemplateFunction;

import java.util.LinkedHashMap;
import java.util.Map;

/** The plugin's functions beyond Sprig: Helm's {@code toYaml}/{@code fromYaml}, {@code exec} and {@code groups}. */
public final class HelmFunctions {

    private final Map<String, TemplateFunction> functions;

    private HelmFunctions(Map<String, TemplateFunction> functions) {
        this.functions = Map.copyOf(functions);
    }

    public static HelmFunctions create() {
        Map<String, TemplateFunction> f = new LinkedHashMap<>();
        f.put("toYaml", new Simple(Signature.of(GoType.STRING, GoType.ANY), a -> HelmYaml.toYaml(a[0])));
        f.put("fromYaml", new Simple(Signature.of(GoType.MAP, GoType.STRING), a -> HelmFromYaml.fromYaml((String) a[0])));
        return new HelmFunctions(f);
    }

    public Map<String, TemplateFunction> functions() {
        return functions;
    }

    /** A function without error result. */
    private record Simple(Signature signature, java.util.function.Function<Object[], Object> body)
            implements TemplateFunction {
        @Override
        public Object call(Object[] args) {
            return body.apply(args);
        }
    }
}
