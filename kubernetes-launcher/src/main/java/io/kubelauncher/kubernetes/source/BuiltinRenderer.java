package io.kubelauncher.kubernetes.source;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.kubelauncher.api.plugin.ErrorCode;
import io.kubelauncher.api.plugin.PluginException;
import io.kubelauncher.kubernetes.render.BuiltinSpec;
import io.kubelauncher.kubernetes.render.JobContext;
import io.kubelauncher.kubernetes.render.JsonOverride;
import io.kubelauncher.kubernetes.render.JsonOverrides;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@code use-templating=0}: the built-in objects, then the user's job-json-overrides in order. */
public final class BuiltinRenderer implements SpecRenderer {

    private final BuiltinSpec spec;
    private final ObjectMapper mapper;

    public BuiltinRenderer(ObjectMapper mapper) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.spec = new BuiltinSpec(mapper);
    }

    /** The built-in spec makes every init container of the job, before those of the job's pod metadata. */
    @Override
    public boolean honoursInitContainers() {
        return true;
    }

    @Override
    public Job job(JobContext context) {
        Job job = spec.job(context);
        List<JsonOverride> list = context.overrides();
        if (list.isEmpty()) {
            return job;
        }
        ObjectNode tree = mapper.valueToTree(job);
        JsonOverrides.apply(tree, list);
        try {
            return mapper.treeToValue(tree, Job.class);
        } catch (RuntimeException e) {
            throw new PluginException(ErrorCode.UNKNOWN, "job-json-overrides made the Job invalid: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<Service> service(JobContext context, String jobId) {
        return Optional.ofNullable(spec.service(context, jobId));
    }
}
