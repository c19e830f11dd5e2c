package io.kubelauncher.kubernetes.translate;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Rebuilds a launcher job (the Job object of the Launcher Plugin API, §7, in its wire shape) from the
 * Kubernetes objects alone: identity and user data from the annotations the templates write, the
 * command and resources from the pod template, progress from an {@link Observation}.
 */
public final class JobReader {

    private static final DateTimeFormatter WIRE_TIME = new java.time.format.DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.MICRO_OF_SECOND, 0, 6, true).optionalEnd()
            .appendLiteral('Z').toFormatter().withZone(ZoneOffset.UTC);

    private final ObjectMapper mapper;
    private final String clusterName;

    public JobReader(ObjectMapper mapper, String clusterName) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.clusterName = Objects.requireNonNull(clusterName, "clusterName");
    }

    /** UTC, microseconds, the fraction omitted when zero (Plugin API §7.3). */
    public static String wireTime(Instant instant) {
        return WIRE_TIME.format(instant.truncatedTo(java.time.temporal.ChronoUnit.MICROS));
    }

    public ObjectNode read(JobObjects objects, Observation observation) {
        Job job = objects.job();
        Map<String, String> ann = podAnnotations(job);
        ObjectNode out = mapper.createObjectNode();
        out.put("id", job.getMetadata().getName());
        out.put("name", ann.getOrDefault(LauncherKeys.NAME, job.getMetadata().getName()));
        out.put("user", ann.getOrDefault(LauncherKeys.USER, ""));
        if (!clusterName.isEmpty()) {
            out.put("cluster", clusterName);
        }
        String instanceId = labels(job).get(LauncherKeys.INSTANCE_ID);
        if (instanceId != null) {
            out.put("instanceId", instanceId);
        }
        readCommand(out, objects);
        out.put("stdin", ann.getOrDefault(LauncherKeys.STDIN, ""));
        out.set("tags", tags(ann));
        readMetadata(out, ann.get(LauncherKeys.USER_METADATA));
        ArrayNode ports = hostPorts(objects);
        ports.addAll(exposedPorts(ann.get(LauncherKeys.SERVICE_PORTS), objects.service()));
        out.set("exposedPorts", ports);
        readPodSpec(out, objects);
        out.put("host", observation.host());
        out.put("status", observation.status().wireName());
        if (!observation.message().isEmpty()) {
            out.put("statusMessage", observation.message());
        }
        observation.exitCode().ifPresent(code -> out.put("exitCode", code));
        Instant submitted = Timestamps.parse(job.getMetadata().getCreationTimestamp()).orElse(observation.lastUpdateTime());
        out.put("submissionTime", wireTime(submitted));
        out.put("lastUpdateTime", wireTime(observation.lastUpdateTime().isBefore(submitted) ? submitted : observation.lastUpdateTime()));
        return out;
    }

    static Map<String, String> podAnnotations(Job job) {
        var meta = job.getSpec() == null || job.getSpec().getTemplate() == null ? null : job.getSpec().getTemplate().getMetadata();
        return meta == null || meta.getAnnotations() == null ? Map.of() : meta.getAnnotations();
    }

    private static Map<String, String> labels(Job job) {
        return job.getMetadata().getLabels() == null ? Map.of() : job.getMetadata().getLabels();
    }

    private ArrayNode tags(Map<String, String> ann) {
        TreeMap<Integer, String> ordered = new TreeMap<>();
        ann.forEach((k, v) -> {
            if (k.startsWith(LauncherKeys.USER_TAG_PREFIX)) {
                try {
                    ordered.put(Integer.parseInt(k.substring(LauncherKeys.USER_TAG_PREFIX.length())), v);
                } catch (NumberFormatException ignored) {
                    // not one of ours (USER_TAG_x written by hand); it is not a tag
                }
            }
        });
        ArrayNode tags = mapper.createArrayNode();
        ordered.values().forEach(tags::add);
        return tags;
    }

    private void readMetadata(ObjectNode out, String json) {
        if (json == null || json.isBlank()) {
            return;
        }
        try {
            JsonNode metadata = mapper.readTree(json);
            if (metadata.isObject()) {
                out.set("metadata", metadata);
            }
        } catch (JacksonException e) {
            // someone edited the annotation; the job is still the job, only without its metadata
        }
    }

    /** Ports the user asked to publish on a fixed port are host ports of the container, not Service ports. */
    private ArrayNode hostPorts(JobObjects objects) {
        ArrayNode ports = mapper.createArrayNode();
        for (var p : mainContainer(objects).map(Container::getPorts).orElse(List.of())) {
            if (p.getHostPort() != null && p.getHostPort() != 0) {
                ports.addObject().put("targetPort", p.getContainerPort())
                        .put("protocol", p.getProtocol() == null ? "TCP" : p.getProtocol())
                        .put("publishedPort", p.getHostPort());
            }
        }
        return ports;
    }

    private ArrayNode exposedPorts(String json, Optional<Service> service) {
        ArrayNode ports = mapper.createArrayNode();
        if (json == null || json.isBlank()) {
            return ports;
        }
        JsonNode declared;
        try {
            declared = mapper.readTree(json);
        } catch (JacksonException e) {
            return ports;
        }
        if (!declared.isArray()) {
            return ports;
        }
        for (JsonNode p : declared) {
            ObjectNode port = mapper.createObjectNode();
            int target = p.path("targetPort").asInt();
            port.put("targetPort", target);
            String protocol = p.path("protocol").asString("TCP");
            port.put("protocol", protocol.isEmpty() ? "TCP" : protocol);
            if (p.hasNonNull("publishedPort") && p.get("publishedPort").asInt() != 0) {
                port.put("publishedPort", p.get("publishedPort").asInt());
            } else {
                nodePort(service, target).ifPresent(np -> port.put("publishedPort", np));
            }
            ports.add(port);
        }
        return ports;
    }

    /** The NodePort Kubernetes allocated for a target port: what clients outside the cluster connect to. */
    public static Optional<Integer> nodePort(Optional<Service> service, int targetPort) {
        if (service.isEmpty() || service.get().getSpec() == null || service.get().getSpec().getPorts() == null) {
            return Optional.empty();
        }
        for (ServicePort sp : service.get().getSpec().getPorts()) {
            boolean matches = sp.getTargetPort() != null
                    ? (sp.getTargetPort().getIntVal() != null && sp.getTargetPort().getIntVal() == targetPort)
                    : sp.getPort() != null && sp.getPort() == targetPort;
            if (matches && sp.getNodePort() != null && sp.getNodePort() != 0) {
                return Optional.of(sp.getNodePort());
            }
        }
        return Optional.empty();
    }

    private Optional<Container> mainContainer(JobObjects objects) {
        PodSpec spec = objects.job().getSpec().getTemplate().getSpec();
        return spec.getContainers().stream().filter(c -> objects.mainContainerName().equals(c.getName())).findFirst();
    }

    private void readCommand(ObjectNode out, JobObjects objects) {
        Optional<Container> main = mainContainer(objects);
        List<String> command = main.map(Container::getCommand).orElse(List.of());
        List<String> args = main.map(Container::getArgs).orElse(List.of());
        ArrayNode argsNode = mapper.createArrayNode();
        // The templates run a shell command as ['/bin/sh'] ['-c', 'command arg1 arg2']; args cannot be split back.
        if (command.size() == 1 && command.get(0).equals("/bin/sh") && args.size() == 2 && args.get(0).equals("-c")) {
            out.put("command", args.get(1));
            out.put("exe", "");
        } else {
            out.put("command", "");
            out.put("exe", command.isEmpty() ? "" : command.get(0));
            command.stream().skip(1).forEach(argsNode::add);
            args.forEach(argsNode::add);
        }
        out.set("args", argsNode);
        out.put("workingDirectory", main.map(Container::getWorkingDir).orElse(""));
        ArrayNode env = mapper.createArrayNode();
        ArrayNode config = mapper.createArrayNode();
        for (EnvVar e : main.map(Container::getEnv).orElse(List.of())) {
            if (e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null) {
                var ref = e.getValueFrom().getSecretKeyRef();
                config.addObject().put("name", "secret").put("value", ref.getName() + ":" + ref.getKey() + ":" + e.getName());
            } else if (e.getValueFrom() == null) {
                env.addObject().put("name", e.getName()).put("value", e.getValue() == null ? "" : e.getValue());
            }
        }
        out.set("environment", env);
        out.set("config", config);
        ObjectNode container = out.putObject("container");
        container.put("image", main.map(Container::getImage).orElse(""));
        PodSecurityContext sc = objects.job().getSpec().getTemplate().getSpec().getSecurityContext();
        if (sc != null) {
            if (sc.getRunAsUser() != null) {
                container.put("runAsUserId", sc.getRunAsUser());
            }
            if (sc.getRunAsGroup() != null) {
                container.put("runAsGroupId", sc.getRunAsGroup());
            }
            if (sc.getSupplementalGroups() != null && !sc.getSupplementalGroups().isEmpty()) {
                ArrayNode groups = container.putArray("supplementalGroupIds");
                sc.getSupplementalGroups().forEach(groups::add);
            }
        }
        ArrayNode limits = mapper.createArrayNode();
        main.map(Container::getResources).ifPresent(r -> {
            Map<String, Quantity> lim = r.getLimits() == null ? Map.of() : r.getLimits();
            Map<String, Quantity> req = r.getRequests() == null ? Map.of() : r.getRequests();
            addLimit(limits, "cpuCount", lim.get("cpu"), false);
            addLimit(limits, "memory", lim.get("memory"), true);
            addLimit(limits, "CPU Request", req.get("cpu"), false);
            addLimit(limits, "Memory Request", req.get("memory"), true);
            addLimit(limits, "NVIDIA GPUs", lim.get("nvidia.com/gpu"), false);
            addLimit(limits, "AMD GPUs", lim.get("amd.com/gpu"), false);
        });
        out.set("resourceLimits", limits);
    }

    private static void addLimit(ArrayNode limits, String type, Quantity q, boolean megabytes) {
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
        limits.addObject().put("type", type).put("value", value);
    }

    private void readPodSpec(ObjectNode out, JobObjects objects) {
        PodSpec spec = objects.job().getSpec().getTemplate().getSpec();
        ArrayNode constraints = mapper.createArrayNode();
        if (spec.getNodeSelector() != null) {
            new TreeMap<>(spec.getNodeSelector()).forEach((k, v) -> constraints.addObject().put("name", k).put("value", v));
        }
        out.set("placementConstraints", constraints);
        ArrayNode mounts = mapper.createArrayNode();
        Map<String, Volume> volumes = new TreeMap<>();
        if (spec.getVolumes() != null) {
            spec.getVolumes().forEach(v -> volumes.put(v.getName(), v));
        }
        for (VolumeMount vm : mainContainer(objects).map(Container::getVolumeMounts).orElse(List.of())) {
            Volume v = volumes.get(vm.getName());
            if (v == null) {
                continue;
            }
            ObjectNode source = mapper.createObjectNode();
            String type;
            if (v.getNfs() != null) {
                type = "nfs";
                source.put("host", v.getNfs().getServer()).put("path", v.getNfs().getPath());
            } else if (v.getHostPath() != null) {
                type = "host";
                source.put("path", v.getHostPath().getPath());
            } else {
                continue; // volumes the template adds on its own are not the user's mounts
            }
            ObjectNode mount = mounts.addObject();
            mount.put("mountPath", vm.getMountPath());
            mount.put("readOnly", Boolean.TRUE.equals(vm.getReadOnly()));
            ObjectNode ms = mount.putObject("mountSource");
            ms.put("type", type);
            ms.set("source", source);
        }
        out.set("mounts", mounts);
    }
}
