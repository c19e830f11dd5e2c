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

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * {@code use-templating=1}: renders {@code job.tpl} and {@code service.tpl} from the scratch path
 * with the job's {@code .Job} context, and reads the YAML as Kubernetes objects. The templates are
 * parsed once and on {@link #reload()} (SIGHUP); a reload that fails keeps the templates in use.
 *
 * <p>Whether the Launcher's init containers reach Kubernetes is up to job.tpl: ours and the current
 * Workbench chart's render {@code .Job.initContainers}, older vendor templates do not and would drop
 * them without a word. So each time the templates are loaded a probe job with one init container is
 * rendered, and only when the resulting Job carries it does the plugin claim
 * {@code supportsInitContainers}; otherwise a job with init containers is refused rather than
 * started without them. (Rendering runs the templates, {@code exec} calls included, once more per load.)
 */
public final class TemplateRenderer implements SpecRenderer {

    private static final Logger log = LoggerFactory.getLogger(TemplateRenderer.class);

    private final TemplateDirectory directory;
    private final ObjectMapper mapper;
    private final KubernetesSerialization serialization;
    private final AtomicReference<Loaded> templates;

    /** Parsed templates, and whether they render the Launcher's init containers. */
    private record Loaded(TemplateSet set, boolean honoursInitContainers) {
    }

    /** @throws TemplateLoadException when the templates cannot be used: the plugin must not start */
    public TemplateRenderer(TemplateDirectory directory, ObjectMapper mapper, KubernetesSerialization serialization) throws TemplateLoadException {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.serialization = Objects.requireNonNull(serialization, "serialization");
        this.templates = new AtomicReference<>(load());
    }

    private Loaded load() throws TemplateLoadException {
        TemplateSet set = directory.load();
        return new Loaded(set, InitContainerProbe.passes(ctx -> render(set, TemplateDirectory.JOB, ctx, Optional.empty()),
                yaml -> read(yaml, Job.class, TemplateDirectory.JOB)));
    }

    /** What the templates in use make of the Launcher's init containers, in a sentence for the log. */
    public String initContainersNote() {
        Path job = directory.path().resolve(TemplateDirectory.JOB);
        return honoursInitContainers()
                ? job + " renders the Launcher's init containers (.Job.initContainers): Cluster Info reports supportsInitContainers"
                : job + " does not render the Launcher's init containers (.Job.initContainers): Cluster Info does not report"
                        + " supportsInitContainers and jobs with init containers are refused; compare with --diff-templates";
    }

    /** Re-reads the templates; on failure the previous ones stay in use and the reason is returned. */
    public Optional<String> reload() {
        try {
            templates.set(load());
            log.info("reloaded the templates from {}; {}", directory.path(), initContainersNote());
            return Optional.empty();
        } catch (TemplateLoadException e) {
            log.error("kept the previous templates: {}", e.getMessage());
            return Optional.of(e.getMessage());
        }
    }

    @Override
    public boolean honoursInitContainers() {
        return templates.get().honoursInitContainers();
    }

    @Override
    public Job job(JobContext context) {
        Loaded loaded = templates.get(); // one set for the check and the render, whatever a reload does meanwhile
        if (!context.job().initContainers().isEmpty() && !loaded.honoursInitContainers()) {
            throw PluginException.invalidRequest("the job has init containers (" + context.job().initContainers().stream()
                    .map(c -> c.name()).collect(Collectors.joining(", ")) + "), but " + directory.path().resolve(TemplateDirectory.JOB)
                    + " does not render .Job.initContainers, so this cluster does not support them (supportsInitContainers is false)");
        }
        if (!context.overrides().isEmpty()) {
            log.warn("ignoring the job-json-overrides of user {} ({}): use-templating=1 is set, change job.tpl instead",
                    context.job().user(), context.overrides().stream().map(o -> o.pointer()).toList());
        }
        String yaml = render(loaded.set(), TemplateDirectory.JOB, context, Optional.empty());
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
        return render(templates.get().set(), template, context, id);
    }

    private String render(TemplateSet set, String template, JobContext context, Optional<String> id) {
        Object data;
        try {
            // Through JSON, so that templates see what Go's encoding/json gives them (every number a float64).
            data = GoJson.read(mapper.writeValueAsBytes(Map.of("Job", context.toTemplateValue(id))));
        } catch (GoJson.JsonException e) {
            throw new PluginException(ErrorCode.UNKNOWN, "could not build the template context: " + e.getMessage(), e);
        }
        try {
            return set.render(template, data, RenderOptions.DEFAULT);
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
