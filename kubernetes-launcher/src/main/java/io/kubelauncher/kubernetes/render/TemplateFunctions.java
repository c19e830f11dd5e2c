package io.kubelauncher.kubernetes.render;

import io.kubelauncher.gotemplate.TemplateSet;
import io.kubelauncher.gotemplate.function.GoType;
import io.kubelauncher.gotemplate.function.Signature;
import io.kubelauncher.gotemplate.function.TemplateFunction;
import io.kubelauncher.gotemplate.helm.HelmYaml;
import io.kubelauncher.gotemplate.sprig.SprigLibrary;

import java.util.HashMap;
import java.util.Map;

/** The functions the admin guide promises templates: Sprig, plus include and toYaml. */
public final class TemplateFunctions {

    private TemplateFunctions() {
    }

    public static Map<String, TemplateFunction> launcher() {
        Map<String, TemplateFunction> functions = new HashMap<>(SprigLibrary.create().functions());
        functions.put("include", TemplateSet.INCLUDE);
        functions.putIfAbsent("toYaml", new TemplateFunction() {
            @Override
            public Signature signature() {
                return Signature.of(GoType.STRING, GoType.ANY);
            }

            @Override
            public Object call(Object[] args) {
                return HelmYaml.toYaml(args[0]);
            }
        });
        return functions;
    }
}
