package io.kubelauncher.kubernetes.admin;

import io.kubelauncher.gotemplate.GoJson;
import io.kubelauncher.gotemplate.RenderOptions;
import io.kubelauncher.gotemplate.TemplateException;
import io.kubelauncher.gotemplate.TemplateSet;
import io.kubelauncher.gotemplate.function.TemplateFunction;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link TemplateRenderer} on the project's Go template engine: every {@code *.tpl} of the folder
 * parsed into one set, the named template executed with {@code {"Job": job}} as dot.
 */
public final class GoTemplateRenderer implements TemplateRenderer {

    private final Map<String, TemplateFunction> functions;
    private final RenderOptions options;
    private final JsonMapper json = JsonMapper.builder().build();

    /**
     * @param functions the plugin's template functions (Sprig, include, toYaml, exec, groups), the
     *     same map the plugin renders jobs with
     */
    public GoTemplateRenderer(Map<String, TemplateFunction> functions, RenderOptions options) {
        this.functions = Map.copyOf(functions);
        this.options = options;
    }

    @Override
    public String render(Path folder, String templateName, Map<String, Object> job) throws TemplateRenderingException {
        TemplateSet set;
        try {
            set = TemplateSet.loadDirectory(folder, functions);
        } catch (TemplateException e) {
            throw TemplateRenderingException.fromGoMessage(templateName, e.getMessage(), e);
        } catch (IOException e) {
            throw new TemplateRenderingException(templateName, 0, "cannot read the templates in " + folder + ": " + e, e);
        }
        if (!set.hasTemplate(templateName)) {
            throw new TemplateRenderingException(templateName, 0, folder.resolve(templateName) + " does not exist", null);
        }
        Object data;
        try {
            // Through JSON, as the plugin renders jobs: templates see Go's encoding/json values (numbers float64).
            data = GoJson.read(json.writeValueAsBytes(Map.of("Job", job)));
        } catch (GoJson.JsonException e) {
            throw new TemplateRenderingException(templateName, 0, "cannot build the template data: " + e.getMessage(), e);
        }
        try {
            return set.render(templateName, data, options);
        } catch (TemplateException e) {
            throw TemplateRenderingException.fromGoMessage(templateName, e.getMessage(), e);
        }
    }
}
