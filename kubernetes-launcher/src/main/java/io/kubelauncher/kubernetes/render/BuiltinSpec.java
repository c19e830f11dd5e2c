package io.kubelauncher.kubernetes.render;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.kubelauncher.api.model.ExposedPort;
import io.kubelauncher.api.model.JobConfig;
import io.kubelauncher.api.model.ResourceLimit;
import io.kubelauncher.kubernetes.translate.JobObjects;
import io.kubelauncher.kubernetes.translate.LauncherKeys;
import io.kubelauncher.kubernetes.translate.ResourceTypes;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The Job and Service built in code when {@code use-templating=0}: the same objects our default
 * templates render (which follow the vendor's 2.4.0 templates, plus stdin-annotation), so that switching templating on or
 * off changes nothing for users.
 */
public final class BuiltinSpec {

    private final ObjectMapper mapper;

    public BuiltinSpec(ObjectMapper mapper) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    public Job job(JobContext ctx) {
        io.kubelauncher.api.model.Job job = ctx.job();
        Map<String, String> jobLabels = new LinkedHashMap<>();
        jobLabels.put(LauncherKeys.MANAGED_BY, LauncherKeys.MANAGED_BY_VALUE);
        putIfSet(jobLabels, LauncherKeys.INSTANCE_ID, job.instanceId());
        jobLabels.putAll(stringMap(metadataMap(job, "job", "labels")));

        Map<String, String> podAnnotations = new LinkedHashMap<>();
        for (int i = 0; i < job.tags().size(); i++) {
            podAnnotations.put(LauncherKeys.USER_TAG_PREFIX + i, job.tags().get(i));
        }
        if (ctx.stdinAnnotation()) {
            podAnnotations.put(LauncherKeys.STDIN, ctx.stdinAnnotationText());
        }
        podAnnotations.put(LauncherKeys.USER, nz(job.user()));
        podAnnotations.put(LauncherKeys.NAME, nz(job.name()));
        podAnnotations.put(LauncherKeys.SERVICE_PORTS, ctx.servicePortsJson());
        if (!job.metadata().isEmpty()) {
            // as the templates' toJson (Go's encoding/json): map keys sorted, HTML characters escaped
            podAnnotations.put(LauncherKeys.USER_METADATA, mapper.writer().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                    .with(GoJsonEscapes.INSTANCE).writeValueAsString(job.metadata()));
        }
        podAnnotations.putAll(stringMap(metadataMap(job, "pod", "annotations")));
        Map<String, String> podLabels = new LinkedHashMap<>();
        putIfSet(podLabels, LauncherKeys.INSTANCE_ID, job.instanceId());
        podLabels.putAll(stringMap(metadataMap(job, "pod", "labels")));

        return new JobBuilder()
                .withNewMetadata()
                .withGenerateName(ctx.generateName())
                .withAnnotations(stringMap(metadataMap(job, "job", "annotations")))
                .withLabels(jobLabels)
                .endMetadata()
                .withNewSpec()
                .withBackoffLimit(0)
                .withNewTemplate()
                .withNewMetadata().withAnnotations(podAnnotations).withLabels(podLabels).withGenerateName(ctx.generateName()).endMetadata()
                .withSpec(podSpec(ctx))
                .endTemplate()
                .endSpec()
                .build();
    }

    private PodSpec podSpec(JobContext ctx) {
        io.kubelauncher.api.model.Job job = ctx.job();
        PodSpecBuilder spec = new PodSpecBuilder()
                .withRestartPolicy("Never")
                .withShareProcessNamespace(ctx.shareProcessNamespace());
        if (job.host() != null && !job.host().isEmpty()) {
            spec.withNodeName(job.host());
        }
        for (Map<String, Object> v : ctx.volumes().volumes()) {
            spec.addToVolumes(mapper.convertValue(v, Volume.class));
        }
        if (!job.placementConstraints().isEmpty()) {
            Map<String, String> selector = new LinkedHashMap<>();
            job.placementConstraints().forEach(p -> selector.put(p.name(), nz(p.value())));
            spec.withNodeSelector(selector);
        }
        var c = job.container();
        if (c != null && (nonZero(c.runAsUserId()) || nonZero(c.runAsGroupId()) || !c.supplementalGroupIds().isEmpty())) {
            PodSecurityContextBuilder sc = new PodSecurityContextBuilder();
            if (nonZero(c.runAsUserId())) {
                sc.withRunAsUser(c.runAsUserId().longValue());
            }
            if (nonZero(c.runAsGroupId())) {
                sc.withRunAsGroup(c.runAsGroupId().longValue());
            }
            if (!c.supplementalGroupIds().isEmpty()) {
                sc.withSupplementalGroups(c.supplementalGroupIds().stream().map(Integer::longValue).toList());
            }
            spec.withSecurityContext(sc.build());
        }
        if (!ctx.serviceAccountName().isEmpty()) {
            spec.withServiceAccountName(ctx.serviceAccountName());
        }
        for (int i = 0; i < job.initContainers().size(); i++) {
            spec.addToInitContainers(initContainer(job.initContainers().get(i), ctx.volumes().initContainerMounts().get(i), job));
        }
        for (Object ic : MetadataInitContainers.of(job)) {
            spec.addToInitContainers(mapper.convertValue(ic, Container.class));
        }
        return spec.withContainers(mainContainer(ctx)).build();
    }

    private Container mainContainer(JobContext ctx) {
        io.kubelauncher.api.model.Job job = ctx.job();
        ContainerBuilder main = new ContainerBuilder()
                .withName(JobObjects.MAIN_CONTAINER)
                .withImage(job.container() == null ? "" : job.container().image());
        boolean shell = job.command() != null && !job.command().isEmpty();
        if (shell) {
            String line = job.args().isEmpty() ? job.command() : job.command() + " " + String.join(" ", job.args());
            main.withCommand("/bin/sh").withArgs("-c", line);
        } else {
            main.withCommand(nz(job.exe()));
            if (!job.args().isEmpty()) {
                main.withArgs(job.args());
            }
        }
        main.withStdin(ctx.hasStdin()).withStdinOnce(true);
        if (job.workingDirectory() != null && !job.workingDirectory().isEmpty()) {
            main.withWorkingDir(job.workingDirectory());
        }
        List<EnvVar> env = new ArrayList<>();
        job.environment().forEach(e -> env.add(new EnvVarBuilder().withName(e.name()).withValue(e.value()).build()));
        for (JobConfig config : job.config()) {
            if ("secret".equals(config.name()) && config.value() != null) {
                // "secretName:key:ENV_NAME", as the vendor's templates unpack it
                String[] parts = config.value().split(":", -1);
                String secret = parts[0];
                String key = parts.length > 1 ? parts[1] : "";
                String name = parts[parts.length - 1];
                env.add(new EnvVarBuilder().withName(name).withNewValueFrom().withNewSecretKeyRef().withName(secret).withKey(key)
                        .endSecretKeyRef().endValueFrom().build());
            }
        }
        if (!env.isEmpty()) {
            main.withEnv(env);
        }
        for (ExposedPort p : job.exposedPorts()) {
            if (p.publishedPort() != null && p.publishedPort() != 0) {
                main.addToPorts(new ContainerPortBuilder().withContainerPort(p.targetPort()).withHostPort(p.publishedPort()).build());
            }
        }
        ResourceRequirements resources = resources(job, true);
        if (resources != null) {
            main.withResources(resources);
        }
        if (!ctx.volumes().volumes().isEmpty()) {
            for (Map<String, Object> vm : ctx.volumes().volumeMounts()) {
                main.addToVolumeMounts(mapper.convertValue(vm, VolumeMount.class));
            }
        }
        return main.build();
    }

    /**
     * A Launcher init container, as the Workbench chart renders one: {@code command} runs through
     * {@code /bin/sh -c} with the args appended, {@code exe} runs with the args as they are, and
     * with neither the image's entrypoint gets the args.
     *
     * <p>What it does not get from the job is as deliberate as what it does. It runs under the pod's
     * security context (the job's user and groups), as the job's container does, which has none of
     * its own. It gets the job's CPU and memory limits and requests: Kubernetes counts a pod's
     * request as the larger of its biggest init container's and the sum of its containers', so the
     * same values cost no extra room on the node, while leaving them out would let an init container
     * run beyond the user's max-cpus and max-mem-mb, and would make a namespace ResourceQuota on CPU
     * or memory refuse the pod. GPUs it does not get: a GPU serves no purpose in preparing a pod.
     * Nor does it get the job's environment or secrets: only what the Launcher gave it.
     */
    private Container initContainer(io.kubelauncher.api.model.InitContainer ic, List<Map<String, Object>> volumeMounts,
                                    io.kubelauncher.api.model.Job job) {
        ContainerBuilder init = new ContainerBuilder().withName(ic.name()).withImage(ic.image());
        if (ic.command() != null && !ic.command().isEmpty()) {
            String line = ic.args().isEmpty() ? ic.command() : ic.command() + " " + String.join(" ", ic.args());
            init.withCommand("/bin/sh").withArgs("-c", line);
        } else {
            if (ic.exe() != null && !ic.exe().isEmpty()) {
                init.withCommand(ic.exe());
            }
            if (!ic.args().isEmpty()) {
                init.withArgs(ic.args());
            }
        }
        if (!ic.environment().isEmpty()) {
            init.withEnv(ic.environment().stream().map(e -> new EnvVarBuilder().withName(e.name()).withValue(e.value()).build()).toList());
        }
        ResourceRequirements resources = resources(job, false);
        if (resources != null) {
            init.withResources(resources);
        }
        for (Map<String, Object> vm : volumeMounts) {
            init.addToVolumeMounts(mapper.convertValue(vm, VolumeMount.class));
        }
        return init.build();
    }

    /** The job's limits and requests in Kubernetes terms, or null when it has none; GPUs only when asked. */
    private static ResourceRequirements resources(io.kubelauncher.api.model.Job job, boolean gpus) {
        Map<String, Quantity> limits = new TreeMap<>();
        Map<String, Quantity> requests = new TreeMap<>();
        for (ResourceLimit r : job.resourceLimits()) {
            String value = r.value();
            if (value == null || value.isBlank()) {
                continue;
            }
            switch (r.type()) {
                case ResourceLimit.CPU_COUNT -> limits.put("cpu", new Quantity(value));
                case ResourceTypes.CPU_REQUEST -> requests.put("cpu", new Quantity(value));
                case ResourceLimit.MEMORY -> limits.put("memory", new Quantity(value + "M"));
                case ResourceTypes.MEMORY_REQUEST -> requests.put("memory", new Quantity(value + "M"));
                case ResourceTypes.NVIDIA_GPUS -> {
                    if (gpus) {
                        gpu(limits, "nvidia.com/gpu", value);
                    }
                }
                case ResourceTypes.AMD_GPUS -> {
                    if (gpus) {
                        gpu(limits, "amd.com/gpu", value);
                    }
                }
                default -> {
                    // other limit types (cpuTime, memorySwap) have no Kubernetes equivalent
                }
            }
        }
        if (limits.isEmpty() && requests.isEmpty()) {
            return null;
        }
        return new ResourceRequirementsBuilder().withLimits(limits.isEmpty() ? null : limits)
                .withRequests(requests.isEmpty() ? null : requests).build();
    }

    private static void gpu(Map<String, Quantity> limits, String resource, String value) {
        BigDecimal count = new BigDecimal(value.trim());
        if (count.signum() != 0) {
            limits.put(resource, new Quantity(count.stripTrailingZeros().toPlainString()));
        }
    }

    /** The Service of a job with ports that go through one; null when there are none. */
    public Service service(JobContext ctx, String jobId) {
        List<ExposedPort> ports = ctx.servicePorts();
        if (ports.isEmpty()) {
            return null;
        }
        io.kubelauncher.api.model.Job job = ctx.job();
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(LauncherKeys.MANAGED_BY, LauncherKeys.MANAGED_BY_VALUE);
        labels.put(LauncherKeys.JOB_NAME, jobId);
        putIfSet(labels, LauncherKeys.INSTANCE_ID, job.instanceId());
        labels.putAll(stringMap(metadataMap(job, "service", "labels")));
        List<ServicePort> servicePorts = new ArrayList<>();
        for (int i = 0; i < ports.size(); i++) {
            ExposedPort p = ports.get(i);
            servicePorts.add(new ServicePortBuilder().withName("port" + i).withProtocol(p.protocol()).withPort(p.targetPort())
                    .withTargetPort(new IntOrString(p.targetPort())).build());
        }
        return new ServiceBuilder()
                .withNewMetadata().withName(JobNames.serviceName(jobId))
                .withAnnotations(stringMap(metadataMap(job, "service", "annotations"))).withLabels(labels).endMetadata()
                .withNewSpec().withPorts(servicePorts).withSelector(Map.of(LauncherKeys.JOB_NAME, jobId)).withClusterIP("").withType("NodePort").endSpec()
                .build();
    }

    private static Object metadataValue(io.kubelauncher.api.model.Job job, String object, String key) {
        Object section = job.metadata().get(object);
        return section instanceof Map<?, ?> map ? map.get(key) : null;
    }

    private static Map<?, ?> metadataMap(io.kubelauncher.api.model.Job job, String object, String key) {
        Object value = metadataValue(job, object, key);
        return value instanceof Map<?, ?> map ? map : Map.of();
    }

    /** Annotation and label values are strings; a number in the user's metadata becomes its text. */
    private Map<String, String> stringMap(Map<?, ?> map) {
        Map<String, String> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), v instanceof String s ? s : mapper.writeValueAsString(v)));
        return out;
    }

    private static void putIfSet(Map<String, String> map, String key, String value) {
        if (value != null && !value.isEmpty()) {
            map.put(key, value);
        }
    }

    private static boolean nonZero(Integer value) {
        return value != null && value != 0;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
