package io.kubelauncher.kubernetes.admin;

import java.nio.file.Path;
import java.util.Map;

/**
 * Renders one template of a template folder, the way the plugin does when it submits a job: every
 * {@code *.tpl} in the folder is parsed into one set, so {@code include} can reach the others.
 */
@FunctionalInterface
public interface TemplateRenderer {

    /**
     * @param folder the folder holding the templates (the scratch path)
     * @param templateName {@code job.tpl} or {@code service.tpl}
     * @param job the {@code .Job} context
     * @return the rendered text
     * @throws TemplateRenderingException when the templates do not parse or the execution fails
     */
    String render(Path folder, String templateName, Map<String, Object> job) throws TemplateRenderingException;
}
