package io.kubelauncher.kubernetes.translate;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.kubelauncher.api.model.Env;
import io.kubelauncher.api.model.ExposedPort;
import io.kubelauncher.api.model.Job;
import io.kubelauncher.api.model.JobConfig;
import io.kubelauncher.api.model.Mount;
import io.kubelauncher.api.model.MountSource;
import io.kubelauncher.api.model.PlacementConstraint;
import io.kubelauncher.api.model.ResourceLimit;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Rebuilds a launcher job from the Kubernetes objects alone: identity and user data from the
 * annotations the templates write, the command and resources from the pod template, progress from
 * an {@link Observation}. Any plugin instance rebuilds the same job from the same objects.
 */
public final class JobReader {

    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private final ObjectMapper mapper;
    private final String clusterName;

    /**
     * @param clusterName the Launcher cluster name (the plugin name), reported as each job's {@code cluster}
     */
    public JobReader(ObjectMapper mapper, String clusterName) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.clusterName = Objects.requireNonNull(clusterName, "clusterName");
    }

    public Job read(JobObjects objects, Observation observation) {
        return withProgress(describe(objects), observation);
    }

    /**
     * The job as its Job and Service describe it, without its progress (status, host, times): what
     * pods and Events cannot change, so a caller may keep it while only those change.
     */
    public Job describe(JobObjects objects) {
        io.fabric8.kubernetes.api.model.batch.v1.Job job = objects.job();
        Map<String, String> ann = podAnnotations(job);
        Optional<Container> main = mainContainer(objects);
        Job.Builder out = Job.builder()
                .id(job.getMetadata().getName())
                .name(ann.getOrDefault(LauncherKeys.NAME, job.getMetadata().getName()))
                .user(ann.getOrDefault(LauncherKeys.USER, ""))
                .cluster(clusterName.isEmpty() ? null : clusterName)
                .instanceId(labels(job).get(LauncherKeys.INSTANCE_ID))
                .stdin(ann.getOrDefault(LauncherKeys.STDIN, ""))
                .tags(tags(ann))
                .metadata(metadata(ann.get(LauncherKeys.USER_METADATA)));
        List<ExposedPort> ports = new ArrayList<>(hostPorts(main));
        ports.addAll(servicePorts(ann.get(LauncherKeys.SERVICE_PORTS), objects.service()));
        out.exposedPorts(ports);
        Optional<Job> recorded = submitted(job);
        if (recorded.isPresent()) {
            Job s = recorded.get();
            out.command(s.command()).exe(s.exe()).args(s.args()).environment(s.environment()).config(s.config())
                    .workingDirectory(s.workingDirectory()).container(s.container()).resourceLimits(s.resourceLimits())
                    .placementConstraints(s.placementConstraints()).mounts(s.mounts()).initContainers(s.initContainers())
                    .resourceProfile(s.resourceProfile()).queues(s.queues()).group(s.group())
                    .stdoutFile(s.stdoutFile()).stderrFile(s.stderrFile());
        } else {
            readCommand(out, main);
            readEnvironment(out, main);
            out.container(container(main, job.getSpec().getTemplate().getSpec()));
            out.resourceLimits(resourceLimits(main));
            out.placementConstraints(placementConstraints(job.getSpec().getTemplate().getSpec()));
            out.mounts(mounts(main, job.getSpec().getTemplate().getSpec()));
        }

        return out.submissionTime(Timestamps.parse(job.getMetadata().getCreationTimestamp()).orElse(null)).build();
    }

    /** A {@link #describe described} job with the progress the objects show now. */
    public Job withProgress(Job described, Observation observation) {
        Instant submitted = described.submissionTime() != null ? described.submissionTime() : observation.lastUpdateTime();
        Instant updated = observation.lastUpdateTime().isBefore(submitted) ? submitted : observation.lastUpdateTime();
        return described.toBuilder().host(observation.host())
                .status(observation.status())
                .statusMessage(observation.message().isEmpty() ? null : observation.message())
                .exitCode(observation.exitCode().isPresent() ? observation.exitCode().getAsInt() : null)
                .submissionTime(submitted)
                .lastUpdateTime(updated)
                .build();
    }

    /** The launcher fields we recorded at submission, when this plugin created the Job. */
    private Optional<Job> submitted(io.fabric8.kubernetes.api.model.batch.v1.Job job) {
        Map<String, String> annotations = job.getMetadata().getAnnotations();
        String json = annotations == null ? null : annotations.get(LauncherKeys.SUBMITTED);
        if (json == null || json.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(mapper.readValue(json, Job.class));
        } catch (JacksonException | IllegalArgumentException e) {
            return Optional.empty(); // edited by hand: fall back to the pod spec
        }
    }

    /** What {@link LauncherKeys#SUBMITTED} records: everything the pod spec cannot give back exactly. */
    public String submittedAnnotation(Job job) {
        Job kept = Job.builder().command(job.command()).exe(job.exe()).args(job.args()).environment(job.environment())
                .config(job.config()).workingDirectory(job.workingDirectory()).container(job.container())
                .resourceLimits(job.resourceLimits()).placementConstraints(job.placementConstraints()).mounts(job.mounts())
                .initContainers(job.initContainers()).resourceProfile(job.resourceProfile()).queues(job.queues())
                .group(job.group()).stdoutFile(job.stdoutFile()).stderrFile(job.stderrFile()).build();
        return mapper.writeValueAsString(kept);
    }

    static Map<String, String> podAnnotations(io.fabric8.kubernetes.api.model.batch.v1.Job job) {
        var meta = job.getSpec() == null || job.getSpec().getTemplate() == null ? null : job.getSpec().getTemplate().getMetadata();
        return meta == null || meta.getAnnotations() == null ? Map.of() : meta.getAnnotations();
    }

    private static Map<String, String> labels(io.fabric8.kubernetes.api.model.batch.v1.Job job) {
        return job.getMetadata().getLabels() == null ? Map.of() : job.getMetadata().getLabels();
    }

    private static List<String> tags(Map<String, String> ann) {
        TreeMap<Integer, String> ordered = new TreeMap<>();
        ann.forEach((k, v) -> {
            if (k.startsWith(LauncherKeys.USER_TAG_PREFIX)) {
                try {
                    ordered.put(Integer.parseInt(k.substring(LauncherKeys.USER_TAG_PREFIX.length())), v);
                } catch (NumberFormatException ignored) {
                    // USER_TAG_x written by hand: not one of the job's tags
                }
            }
        });
        return List.copyOf(ordered.values());
    }

    private Map<String, Object> metadata(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            return mapper.readValue(json, JSON_OBJECT);
        } catch (JacksonException e) {
            return Map.of(); // an edited annotation: the job is still the job, without its metadata
        }
    }

    private List<ExposedPort> servicePorts(String json, Optional<Service> service) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        JsonNode declared;
        try {
            declared = mapper.readTree(json);
        } catch (JacksonException e) {
            return List.of();
        }
        List<ExposedPort> ports = new ArrayList<>();
        for (JsonNode p : declared) {
            int target = p.path("targetPort").asInt();
            String protocol = p.path("protocol").asString("TCP");
            Integer published = p.path("publishedPort").asInt() != 0 ? Integer.valueOf(p.path("publishedPort").asInt())
                    : nodePort(service, target).orElse(null);
            ports.add(new ExposedPort(target, published, protocol));
        }
        return ports;
    }

    /** Ports published on a fixed port are host ports of the container, not Service ports. */
    private static List<ExposedPort> hostPorts(Optional<Container> main) {
        List<ExposedPort> ports = new ArrayList<>();
        for (ContainerPort p : main.map(Container::getPorts).orElse(List.of())) {
            if (p.getHostPort() != null && p.getHostPort() != 0) {
                ports.add(new ExposedPort(p.getContainerPort(), p.getHostPort(), p.getProtocol()));
            }
        }
        return ports;
    }

    /** The NodePort Kubernetes allocated for a target port: what clients outside the cluster connect to. */
    public static Optional<Integer> nodePort(Optional<Service> service, int targetPort) {
        if (service.isEmpty() || service.get().getSpec() == null || service.get().getSpec().getPorts() == null) {
            return Optional.empty();
        }
        for (ServicePort sp : service.get().getSpec().getPorts()) {
            boolean matches = sp.getTargetPort() != null && sp.getTargetPort().getIntVal() != null
                    ? sp.getTargetPort().getIntVal() == targetPort
                    : sp.getPort() != null && sp.getPort() == targetPort;
            if (matches && sp.getNodePort() != null && sp.getNodePort() != 0) {
                return Optional.of(sp.getNodePort());
            }
        }
        return Optional.empty();
    }

    private static Optional<Container> mainContainer(JobObjects objects) {
        PodSpec spec = objects.job().getSpec().getTemplate().getSpec();
        return spec.getContainers().stream().filter(c -> objects.mainContainerName().equals(c.getName())).findFirst();
    }

    private static void readCommand(Job.Builder out, Optional<Container> main) {
        List<String> command = main.map(Container::getCommand).orElse(List.of());
        List<String> args = main.map(Container::getArgs).orElse(List.of());
        // The templates run a shell command as ['/bin/sh'] ['-c', 'command arg1 arg2']: the args cannot be split back.
        if (command.size() == 1 && command.get(0).equals("/bin/sh") && args.size() == 2 && args.get(0).equals("-c")) {
            out.command(args.get(1)).args(List.of());
        } else {
            List<String> all = new ArrayList<>(command.stream().skip(1).toList());
            all.addAll(args);
            out.exe(command.isEmpty() ? null : command.get(0)).args(all);
        }
        out.workingDirectory(main.map(Container::getWorkingDir).orElse(null));
    }

    private static void readEnvironment(Job.Builder out, Optional<Container> main) {
        List<Env> env = new ArrayList<>();
        List<JobConfig> config = new ArrayList<>();
        for (EnvVar e : main.map(Container::getEnv).orElse(List.of())) {
            if (e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null) {
                var ref = e.getValueFrom().getSecretKeyRef();
                config.add(new JobConfig("secret", null, ref.getName() + ":" + ref.getKey() + ":" + e.getName()));
            } else if (e.getValueFrom() == null) {
                env.add(new Env(e.getName(), e.getValue() == null ? "" : e.getValue()));
            }
        }
        out.environment(env).config(config);
    }

    private static io.kubelauncher.api.model.Container container(Optional<Container> main, PodSpec spec) {
        String image = main.map(Container::getImage).orElse("");
        PodSecurityContext sc = spec.getSecurityContext();
        if (sc == null) {
            return io.kubelauncher.api.model.Container.of(image);
        }
        return new io.kubelauncher.api.model.Container(image, toInt(sc.getRunAsUser()), toInt(sc.getRunAsGroup()),
                sc.getSupplementalGroups() == null ? List.of() : sc.getSupplementalGroups().stream().map(JobReader::toInt).toList());
    }

    private static Integer toInt(Long value) {
        return value == null ? null : Math.toIntExact(value);
    }

    private static List<ResourceLimit> resourceLimits(Optional<Container> main) {
        List<ResourceLimit> limits = new ArrayList<>();
        main.map(Container::getResources).ifPresent(r -> {
            Map<String, Quantity> lim = r.getLimits() == null ? Map.of() : r.getLimits();
            Map<String, Quantity> req = r.getRequests() == null ? Map.of() : r.getRequests();
            addLimit(limits, ResourceLimit.CPU_COUNT, lim.get("cpu"), false);
            addLimit(limits, ResourceLimit.MEMORY, lim.get("memory"), true);
            addLimit(limits, ResourceTypes.CPU_REQUEST, req.get("cpu"), false);
            addLimit(limits, ResourceTypes.MEMORY_REQUEST, req.get("memory"), true);
            addLimit(limits, ResourceTypes.NVIDIA_GPUS, lim.get("nvidia.com/gpu"), false);
            addLimit(limits, ResourceTypes.AMD_GPUS, lim.get("amd.com/gpu"), false);
        });
        return limits;
    }

    private static void addLimit(List<ResourceLimit> limits, String type, Quantity q, boolean megabytes) {
        if (q == null) {
            return;
        }
        String value;
        try {
            value = megabytes
                    ? ("M".equals(q.getFormat()) ? q.getAmount()
                    : Quantity.getAmountInBytes(q).divide(BigDecimal.valueOf(1_000_000), 0, RoundingMode.HALF_UP).toPlainString())
                    : q.getNumericalAmount().stripTrailingZeros().toPlainString();
        } catch (ArithmeticException e) {
            value = q.toString();
        }
        limits.add(ResourceLimit.requested(type, value));
    }

    private static List<PlacementConstraint> placementConstraints(PodSpec spec) {
        List<PlacementConstraint> constraints = new ArrayList<>();
        if (spec.getNodeSelector() != null) {
            new TreeMap<>(spec.getNodeSelector()).forEach((k, v) -> constraints.add(new PlacementConstraint(k, v)));
        }
        return constraints;
    }

    /** The user's mounts are the nfs and host volumes the main container mounts; others are the template's own. */
    private static List<Mount> mounts(Optional<Container> main, PodSpec spec) {
        Map<String, Volume> volumes = new TreeMap<>();
        if (spec.getVolumes() != null) {
            spec.getVolumes().forEach(v -> volumes.put(v.getName(), v));
        }
        List<Mount> mounts = new ArrayList<>();
        for (VolumeMount vm : main.map(Container::getVolumeMounts).orElse(List.of())) {
            Volume v = volumes.get(vm.getName());
            MountSource source = v == null ? null
                    : v.getNfs() != null ? new MountSource.Nfs(v.getNfs().getServer(), v.getNfs().getPath())
                    : v.getHostPath() != null ? new MountSource.Host(v.getHostPath().getPath())
                    : null;
            if (source != null) {
                mounts.add(new Mount(vm.getMountPath(), Boolean.TRUE.equals(vm.getReadOnly()), source));
            }
        }
        return mounts;
    }
}
