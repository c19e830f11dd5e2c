package io.kubelauncher.kubernetes.render;

import io.kubelauncher.api.model.Env;
import io.kubelauncher.api.model.ExposedPort;
import io.kubelauncher.api.model.InitContainer;
import io.kubelauncher.api.model.Job;
import io.kubelauncher.api.model.JobConfig;
import io.kubelauncher.api.model.Mount;
import io.kubelauncher.api.model.PlacementConstraint;
import io.kubelauncher.api.model.ResourceLimit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a job's Kubernetes objects are made from: the {@code .Job} object of the templates
 * (admin guide, "Kubernetes object templating"), and the input of the built-in spec, so that both
 * paths see exactly the same values.
 *
 * @param job the job as the policy completed it
 * @param cluster the Launcher cluster name
 * @param generateName the Job's generateName
 * @param volumes the job's mounts and its init containers' mounts as Kubernetes volumes
 * @param shareProcessNamespace the shared-process-namespace setting
 * @param cpuRequestRatio deprecated profile setting, passed through
 * @param memoryRequestRatio deprecated profile setting, passed through
 * @param serviceAccountName the service account for the pods, empty for the namespace default
 * @param overrides the user's job-json-overrides (only the built-in spec applies them)
 * @param stdinAnnotation whether the job's stdin goes into the pod template's {@code stdin}
 *     annotation ({@code stdin-annotation=1}, the vendor's way); when false the text is kept out of
 *     every object the templates or the built-in spec make, and {@code .Job.stdin} is empty
 */
public record JobContext(Job job, String cluster, String generateName, Volumes volumes, boolean shareProcessNamespace,
                         BigDecimal cpuRequestRatio, BigDecimal memoryRequestRatio, String serviceAccountName,
                         List<JsonOverride> overrides, boolean stdinAnnotation) {

    /** The Job config entry that names the pods' service account. */
    public static final String SERVICE_ACCOUNT_CONFIG = "serviceAccountName";

    public JobContext {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(generateName, "generateName");
        Objects.requireNonNull(volumes, "volumes");
        Objects.requireNonNull(cpuRequestRatio, "cpuRequestRatio");
        Objects.requireNonNull(memoryRequestRatio, "memoryRequestRatio");
        Objects.requireNonNull(serviceAccountName, "serviceAccountName");
        overrides = List.copyOf(overrides);
        if (volumes.initContainerMounts().size() != job.initContainers().size()) {
            throw new IllegalArgumentException("volumes made for " + volumes.initContainerMounts().size() + " init containers, but the job has "
                    + job.initContainers().size() + ": make them with Volumes.of(job.mounts(), job.initContainers())");
        }
    }

    /**
     * The context of a job whose stdin is written as the vendor writes it, in the {@code stdin} annotation.
     *
     * @throws io.kubelauncher.api.plugin.PluginException when a mount cannot be expressed as a volume
     */
    public static JobContext of(Admission admission, String cluster, boolean shareProcessNamespace) {
        return of(admission, cluster, shareProcessNamespace, true);
    }

    /**
     * @throws io.kubelauncher.api.plugin.PluginException when a mount cannot be expressed as a volume, or an init
     *     container's name cannot be a container's
     */
    public static JobContext of(Admission admission, String cluster, boolean shareProcessNamespace, boolean stdinAnnotation) {
        Job job = admission.job();
        String serviceAccount = job.config().stream().filter(c -> SERVICE_ACCOUNT_CONFIG.equals(c.name()) && c.value() != null)
                .map(JobConfig::value).findFirst().orElse("");
        InitContainerRules.check(job);
        return new JobContext(job, cluster, JobNames.generateName(job.name()), Volumes.of(job.mounts(), job.initContainers()),
                shareProcessNamespace, admission.cpuRequestRatio(), admission.memoryRequestRatio(), serviceAccount, admission.overrides(),
                stdinAnnotation);
    }

    /** Whether the job has stdin to deliver: its container must then be started with {@code stdin: true}. */
    public boolean hasStdin() {
        return job.stdin() != null && !job.stdin().isEmpty();
    }

    /** The {@code stdin} annotation's text: the job's stdin, or empty when it must stay off the pod. */
    public String stdinAnnotationText() {
        return stdinAnnotation ? nz(job.stdin()) : "";
    }

    /** Ports that go through the Service: those without a fixed published port. */
    public List<ExposedPort> servicePorts() {
        return job.exposedPorts().stream().filter(p -> p.publishedPort() == null || p.publishedPort() == 0).toList();
    }

    /**
     * The Job's {@code service_ports} annotation: lets any plugin instance know, after a restart,
     * which ports the Service should have. Keys in the order the vendor writes them.
     */
    public String servicePortsJson() {
        List<ExposedPort> ports = servicePorts();
        if (ports.isEmpty()) {
            return "";
        }
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < ports.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append("{\"protocol\":\"").append(ports.get(i).protocol()).append("\",\"targetPort\":").append(ports.get(i).targetPort()).append('}');
        }
        return json.append(']').toString();
    }

    /**
     * The {@code .Job} object as plain maps, lists, strings, numbers and booleans.
     *
     * @param id the Job name once Kubernetes assigned it (the Service's template needs it), else empty
     */
    public Map<String, Object> toTemplateValue(Optional<String> id) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cluster", cluster);
        m.put("generateName", generateName);
        m.put("name", nz(job.name()));
        m.put("user", nz(job.user()));
        m.put("workingDirectory", nz(job.workingDirectory()));
        Map<String, Object> container = new LinkedHashMap<>();
        container.put("image", job.container() == null ? "" : job.container().image());
        if (job.container() != null) {
            if (job.container().runAsUserId() != null) {
                container.put("runAsUserId", job.container().runAsUserId());
            }
            if (job.container().runAsGroupId() != null) {
                container.put("runAsGroupId", job.container().runAsGroupId());
            }
            // as the vendor's contexts: the list comes with the user's ids (templates treat empty and absent alike)
            if (!job.container().supplementalGroupIds().isEmpty() || job.container().runAsUserId() != null
                    || job.container().runAsGroupId() != null) {
                container.put("supplementalGroupIds", new ArrayList<>(job.container().supplementalGroupIds()));
            }
        }
        m.put("container", container);
        m.put("host", nz(job.host()));
        m.put("command", nz(job.command()));
        m.put("exe", nz(job.exe()));
        // Empty unless stdin-annotation=1: a vendor template that writes it unconditionally then
        // writes an empty annotation instead of the session's secrets.
        m.put("stdin", stdinAnnotationText());
        m.put("args", new ArrayList<>(job.args()));
        m.put("environment", list(job.environment(), (Env e) -> pairs("name", e.name(), "value", e.value())));
        m.put("placementConstraints", list(job.placementConstraints(),
                (PlacementConstraint p) -> pairs("name", p.name(), "value", nz(p.value()))));
        m.put("exposedPorts", list(job.exposedPorts(), (ExposedPort p) -> {
            Map<String, Object> port = pairs("protocol", p.protocol(), "targetPort", p.targetPort());
            if (p.publishedPort() != null && p.publishedPort() != 0) {
                port.put("publishedPort", p.publishedPort());
            }
            return port;
        }));
        m.put("metadata", new LinkedHashMap<>(job.metadata()));
        m.put("mounts", list(job.mounts(), (Mount mount) -> {
            Map<String, Object> source = pairs("type", mount.source().type(), "source", new LinkedHashMap<>(mount.source().toMap()));
            return pairs("mountPath", mount.mountPath(), "readOnly", mount.readOnly(), "mountSource", source);
        }));
        m.put("config", list(job.config(), (JobConfig c) -> pairs("name", c.name(), "value", nz(c.value()))));
        m.put("resourceLimits", list(job.resourceLimits(), (ResourceLimit r) -> pairs("type", r.type(), "value", nz(r.value()))));
        m.put("volumes", new ArrayList<>(volumes.volumes()));
        m.put("volumeMounts", new ArrayList<>(volumes.volumeMounts()));
        m.put("tags", new ArrayList<>(job.tags()));
        m.put("servicePortsJson", servicePortsJson());
        m.put("shareProcessNamespace", shareProcessNamespace);
        m.put("memoryRequestRatio", memoryRequestRatio);
        m.put("cpuRequestRatio", cpuRequestRatio);
        m.put("serviceAccountName", serviceAccountName);
        m.put("instanceId", nz(job.instanceId()));
        m.put("initContainers", initContainersValue());
        // ours, not the vendor's (template 2.5.0): what our job.tpl needs to honour stdin-annotation
        m.put("stdinAnnotation", stdinAnnotation);
        m.put("hasStdin", hasStdin());
        m.put("id", id.orElse(""));
        m.put("serviceName", id.map(JobNames::serviceName).orElse(""));
        return m;
    }

    /**
     * {@code .Job.initContainers} in the shape the Workbench chart's job.tpl reads: the Launcher's
     * fields, except {@code mounts}, which are Kubernetes volume mounts (as {@code .Job.volumeMounts})
     * of volumes that {@code .Job.volumes} holds, so a template can write them out with {@code toYaml}.
     */
    private List<Object> initContainersValue() {
        List<InitContainer> initContainers = job.initContainers();
        List<Object> out = new ArrayList<>(initContainers.size());
        for (int i = 0; i < initContainers.size(); i++) {
            InitContainer ic = initContainers.get(i);
            Map<String, Object> c = pairs("name", ic.name(), "image", ic.image());
            c.put("command", nz(ic.command()));
            c.put("exe", nz(ic.exe()));
            c.put("args", new ArrayList<>(ic.args()));
            c.put("environment", list(ic.environment(), (Env e) -> pairs("name", e.name(), "value", e.value())));
            c.put("mounts", new ArrayList<>(volumes.initContainerMounts().get(i)));
            out.add(c);
        }
        return out;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static <T> List<Object> list(List<T> items, java.util.function.Function<T, Map<String, Object>> f) {
        List<Object> out = new ArrayList<>(items.size());
        items.forEach(i -> out.add(f.apply(i)));
        return out;
    }

    private static Map<String, Object> pairs(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
