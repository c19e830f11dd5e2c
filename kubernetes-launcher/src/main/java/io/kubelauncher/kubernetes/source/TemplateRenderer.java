package io.kubelauncher.kubernetes.source;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.kubelauncher.api.plugin.ErrorCode;
import io.kubelauncher.api.plugin.PluginException;
import io.kubelauncher.gotemplate.GoJson;
import io.kubelauncher.gotemplate.RenderOptions;
import io.kubelauncher.gotemplate.TemplateException;
import io.kubelauncher.gotemplate.TemplateSet;
import io.kubelauncher.kubernetes.render.JobContext;
import io.kubelauncher.kubernetes.render.TemplateDirectory;
import io.kubelauncher.kubernetes.render.TemplateLoadException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code use-templating=1}: renders {@code job.tpl} and {@code service.tpl} from the scratch path
 * with the job's {@code .Job} context, and reads the YAML as Kubernetes objects. The templates are
 * parsed once and on {@link #reload()} (SIGHUP); a reload that fails keeps the templates in use.
 */
public final class TemplateRenderer implements SpecRenderer {

    private static final Logger log = LoggerFactory.getLogger(TemplateRenderer.class);

    private final TemplateDirectory directory;
    private final ObjectMapper mapper;
    private final KubernetesSerialization serialization;
    private final AtomicReference<TemplateSet> templates;

    /** @throws TemplateLoadException when the templates cannot be used: the plugin must not start */
    public TemplateRenderer(TemplateDirectory directory, ObjectMapper mapper, KubernetesSerialization serialization) throws TemplateLoadException {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.serialization = Objects.requireNonNull(serialization, "serialization");
        this.templates = new AtomicReference<>(directory.load());
    }

    /** Re-reads the templates; on failure the previous ones stay in use and the reason is returned. */
    public Optional<String> reload() {
        try {
            templates.set(directory.load());
            log.info("reloaded the templates from {}", directory.path());
            return Optional.empty();
        } catch (TemplateLoadException e) {
            log.error("kept the previous templates: {}", e.getMessage());
            return Optional.of(e.getMessage());
        }
    }

    @Override
    public Job job(JobContext context) {
        String yaml = render(TemplateDirectory.JOB, context, Optional.empty());
        return read(yaml, Job.class, TemplateDirectory.JOB);
    }

    @Override
    public Optional<Service> service(JobContext context, String jobId) {
        if (context.servicePorts().isEmpty()) {
            return Optional.empty();
        }
        String yaml = render(TemplateDirectory.SERVICE, context, Optional.of(jobId));
        return Optional.of(read(yaml, Service.class, TemplateDirectory.SERVICE));
    }

    private String render(String template, JobContext context, Optional<String> id) {
        Object data;
        try {
            // Through JSON, so that templates see what Go's encoding/json gives them (every number a float64).
            data = GoJson.read(mapper.writeValueAsBytes(Map.of("Job", context.toTemplateValue(id))));
        } catch (GoJson.JsonException e) {
            throw new PluginException(ErrorCode.UNKNOWN, "could not build the template context: " + e.getMessage(), e);
        }
        try {
            return templates.get().render(template, data, RenderOptions.DEFAULT);
        } catch (TemplateException e) {
            throw new PluginException(ErrorCode.UNKNOWN, directory.path().resolve(template) + ": " + e.getMessage(), e);
        }
    }

    private <T> T read(String yaml, Class<T> type, String template) {
        try {
            T object = serialization.unmarshal(yaml, type);
            if (object == null) {
                throw new PluginException(ErrorCode.UNKNOWN, directory.path().resolve(template) + " rendered no object");
            }
            return object;
        } catch (RuntimeException e) {
            if (e instanceof PluginException p) {
                throw p;
            }
            throw new PluginException(ErrorCode.UNKNOWN, directory.path().resolve(template) + " did not render valid YAML for a "
                    + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
