package io.kubelauncher.kubernetes.admin;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.kubelauncher.api.model.Job;
import io.kubelauncher.api.plugin.RequestUser;
import io.kubelauncher.kubernetes.render.Admission;
import io.kubelauncher.kubernetes.render.JobContext;
import io.kubelauncher.kubernetes.source.SpecRenderer;
import io.kubelauncher.kubernetes.source.StdinKeptOffThePod;
import io.kubelauncher.kubernetes.source.SubmissionPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link DryRun.Planner} on the plugin's own submit path: the Launcher's job JSON, the user's
 * profile ({@link SubmissionPolicy}), the {@code .Job} context, then the templates or the built-in
 * spec with its overrides ({@link SpecRenderer}). Nothing but the API call is left out.
 */
public final class JobPlanner implements DryRun.Planner {

    /** Kubernetes appends five characters to generateName; the dry run shows where they go. */
    static final String PLACEHOLDER_SUFFIX = "xxxxx";

    private final SubmissionPolicy policy;
    private final SpecRenderer renderer;
    private final String cluster;
    private final boolean shareProcessNamespace;
    private final boolean stdinAnnotation;
    private final JsonMapper wire;
    private final KubernetesSerialization serialization;

    /**
     * @param wire the Launcher protocol's JSON mapper ({@code WireJson.newMapper()})
     * @param cluster the Launcher cluster name ({@code plugin-name})
     * @param stdinAnnotation {@code stdin-annotation}: whether the job's stdin may be written on the pod
     */
    public JobPlanner(SubmissionPolicy policy, SpecRenderer renderer, String cluster, boolean shareProcessNamespace,
            boolean stdinAnnotation, JsonMapper wire, KubernetesSerialization serialization) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.renderer = new StdinKeptOffThePod(Objects.requireNonNull(renderer, "renderer"));
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.shareProcessNamespace = shareProcessNamespace;
        this.stdinAnnotation = stdinAnnotation;
        this.wire = Objects.requireNonNull(wire, "wire");
        this.serialization = Objects.requireNonNull(serialization, "serialization");
    }

    @Override
    public List<String> plan(String jobJson, Optional<String> user) throws InvalidJobException {
        Job job = read(jobJson);
        String owner = user.filter(u -> !u.isBlank()).orElse(job.user());
        if (owner == null || owner.isBlank()) {
            throw new InvalidJobException("the job names no user; give one with --user NAME");
        }
        job = job.toBuilder().user(owner).build();
        Admission admission = policy.admit(RequestUser.of(owner), job);
        JobContext context = JobContext.of(admission, cluster, shareProcessNamespace, stdinAnnotation);
        List<String> documents = new ArrayList<>();
        documents.add(serialization.asYaml(renderer.job(context)));
        Optional<Service> service = renderer.service(context, context.generateName() + PLACEHOLDER_SUFFIX);
        service.ifPresent(s -> documents.add(serialization.asYaml(s)));
        return documents;
    }

    /** Accepts the job object itself or a Submit Job request ({@code {"job": {...}}}). */
    private Job read(String json) throws InvalidJobException {
        JsonNode tree;
        try {
            tree = wire.readTree(json);
        } catch (JacksonException e) {
            TokenStreamLocation where = e.getLocation();
            int line = where == null ? 0 : Math.max(0, where.getLineNr());
            int column = where == null ? 0 : Math.max(0, where.getColumnNr());
            throw new InvalidJobException("not valid JSON: " + e.getOriginalMessage(), line, column);
        }
        if (tree == null || !tree.isObject()) {
            throw new InvalidJobException("the job description must be a JSON object", 0, 0);
        }
        JsonNode job = tree.has("job") && tree.get("job").isObject() ? tree.get("job") : tree;
        try {
            return wire.treeToValue(job, Job.class);
        } catch (JacksonException e) {
            String path = e.getPathReference();
            throw new InvalidJobException("not a valid Launcher job" + (path == null || path.isEmpty() ? "" : " at " + path)
                    + ": " + e.getOriginalMessage(), 0, 0);
        } catch (RuntimeException e) {
            throw new InvalidJobException("not a valid Launcher job: " + e.getMessage(), 0, 0);
        }
    }

    /** A job description that cannot be read; {@link #line()} is 0 when no line applies. */
    public static final class InvalidJobException extends Exception {
        private static final long serialVersionUID = 1L;

        private final int line;
        private final int column;

        InvalidJobException(String message) {
            this(message, 0, 0);
        }

        InvalidJobException(String message, int line, int column) {
            super(message);
            this.line = line;
            this.column = column;
        }

        public int line() {
            return line;
        }

        public int column() {
            return column;
        }
    }
}
