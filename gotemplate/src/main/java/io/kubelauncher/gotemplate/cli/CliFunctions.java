package io.kubelauncher.gotemplate.cli;

import io.kubelauncher.gotemplate.TemplateSet;
import io.kubelauncher.gotemplate.function.TemplateFunction;
import io.kubelauncher.gotemplate.helm.HelmFunctions;
import io.kubelauncher.gotemplate.sprig.SprigLibrary;
import java.util.HashMap;
import java.util.Map;

/** The function map of the CLI, the same as the oracle's: Sprig, Helm's include, toYaml and fromYaml, exec and groups. */
final class CliFunctions {

    private CliFunctions() {
    }

    static Map<String, TemplateFunction> create() {
        Map<String, TemplateFunction> functions = new HashMap<>(SprigLibrary.create().functions());
        functions.putAll(HelmFunctions.create().functions());
        functions.put("include", TemplateSet.INCLUDE);
        return functions;
    }
}
