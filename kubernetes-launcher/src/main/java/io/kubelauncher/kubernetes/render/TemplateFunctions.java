package io.kubelauncher.kubernetes.render;

import io.kubelauncher.gotemplate.StandardFunctions;
import io.kubelauncher.gotemplate.function.TemplateFunction;

import java.util.Map;

/**
 * The functions the admin guide promises templates: Sprig, {@code include}, {@code toYaml},
 * {@code exec} (runs a program without a shell) and {@code groups} (the {@code groups} command).
 */
public final class TemplateFunctions {

    private TemplateFunctions() {
    }

    public static Map<String, TemplateFunction> launcher() {
        return StandardFunctions.helmCompatible();
    }
}
