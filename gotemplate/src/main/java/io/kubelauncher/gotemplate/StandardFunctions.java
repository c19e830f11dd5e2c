package io.kubelauncher.gotemplate;

import io.kubelauncher.gotemplate.function.TemplateFunction;
import io.kubelauncher.gotemplate.helm.HelmFunctions;
import io.kubelauncher.gotemplate.sprig.SprigLibrary;
import java.util.HashMap;
import java.util.Map;

/**
 * The function maps templates are usually parsed with. Go's builtins ({@code and}, {@code index},
 * {@code printf}...) need no registration; these are the rest.
 */
public final class StandardFunctions {

    private StandardFunctions() {
    }

    /**
     * What {@code gotemplate-oracle} (and so the CLI) offers: every Sprig 3.2.3 function (Sprig's
     * {@code slice} replacing Go's builtin), Helm's {@code toYaml}/{@code fromYaml} and the other functions
     * of the Helm package, and Helm's {@code include}. A new mutable map: add or replace entries freely.
     */
    public static Map<String, TemplateFunction> helmCompatible() {
        return helmCompatible(SprigLibrary.create(), HelmFunctions.create());
    }

    /**
     * The same with configured libraries, e.g. a fixed clock for Sprig's dates or a {@code CommandRunner}
     * and {@code GroupsResolver} for {@code exec} and {@code groups}:
     * {@code helmCompatible(SprigLibrary.builder().clock(clock).build(), HelmFunctions.builder().commandRunner(r).build())}.
     */
    public static Map<String, TemplateFunction> helmCompatible(SprigLibrary sprig, HelmFunctions helm) {
        Map<String, TemplateFunction> functions = new HashMap<>(sprig.functions());
        functions.putAll(helm.functions());
        functions.put("include", TemplateSet.INCLUDE);
        return functions;
    }
}
