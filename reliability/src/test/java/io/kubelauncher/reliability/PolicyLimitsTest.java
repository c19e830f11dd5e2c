package io.kubelauncher.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Quantity;
import io.kubelauncher.testkit.client.LauncherClient;
import io.kubelauncher.testkit.client.Message;
import io.kubelauncher.testkit.cluster.SimulatedCluster;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every policy limit of the profiles and resource profiles, probed from both sides through the
 * plugin process: the value at the limit is accepted (and reaches the Kubernetes Job as asked), the
 * value just past it is refused with Error 2 naming the setting. (Memory is in MB as the vendor's
 * job.tpl writes it: {@code 4096} becomes {@code 4096M}.) Also the ways around a limit that
 * a crafted request might try: duplicates, odd number syntax, rounding, case and spacing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PolicyLimitsTest {

    private static final String USER = "probe";
    private static final String RESTRICTED = "restricted";
    private static final String PROFILES = String.join("\n",
            "[*]",
            "default-container-image=ubuntu:24.04",
            "container-images=ubuntu:24.04,r-session:4.4",
            "allow-unknown-images=0",
            "max-cpus=4",
            "max-mem-mb=4096",
            "max-cpus-request=2",
            "max-mem-mb-request=2048",
            "max-nvidia-gpus=2",
            "max-amd-gpus=1",
            "placement-constraints=node,region:us,region:eu",
            "resource-profiles=small,gpu",
            "allow-custom-resources=1",
            "[" + RESTRICTED + "]",
            "allow-custom-resources=0",
            "resource-profiles=small",
            "");
    private static final String RESOURCES = String.join("\n",
            "[small]", "name=Small", "cpus=1", "mem-mb=512",
            "[gpu]", "name=GPU", "cpus=2", "mem-mb=2048", "nvidia-gpus=1",
            "[huge]", "name=Huge", "cpus=64", "mem-mb=262144",
            "");

    private SimulatedCluster cluster;
    private LauncherClient launcher;
    private final AtomicInteger probes = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();

    @BeforeAll
    void start(@TempDir Path dir) {
        cluster = SimulatedCluster.builder().namespace("rstudio").nodes(1).start();
        launcher = new PluginSetup(cluster, dir.resolve("plugin")).profiles(PROFILES).resourceProfiles(RESOURCES).start();
        Message bootstrap = launcher.bootstrap();
        assertThat(bootstrap.isError()).as("%s\n%s", bootstrap, launcher.stderr()).isFalse();
    }

    @AfterAll
    void stop() {
        System.err.println("policy limits: " + probes.get() + " probes (" + accepted.get() + " accepted at the limit, "
                + refused.get() + " refused past it)");
        launcher.close();
        assertThat(launcher.protocolViolations()).isEmpty();
        cluster.close();
    }

    private ObjectNode job(UnaryOperator<ObjectNode> shape) {
        ObjectNode job = launcher.objectNode().put("name", "policy probe").put("command", "true");
        return shape.apply(job);
    }

    private static UnaryOperator<ObjectNode> limit(String type, String value) {
        return job -> {
            ArrayNode limits = job.has("resourceLimits") ? (ArrayNode) job.get("resourceLimits") : job.putArray("resourceLimits");
            limits.addObject().put("type", type).put("value", value);
            return job;
        };
    }

    private static UnaryOperator<ObjectNode> image(String image) {
        return job -> {
            job.putObject("container").put("image", image);
            return job;
        };
    }

    private static UnaryOperator<ObjectNode> placement(String name, String value) {
        return job -> {
            ArrayNode constraints = job.has("placementConstraints") ? (ArrayNode) job.get("placementConstraints")
                    : job.putArray("placementConstraints");
            constraints.addObject().put("name", name).put("value", value);
            return job;
        };
    }

    private static UnaryOperator<ObjectNode> profile(String name) {
        return job -> job.put("resourceProfile", name);
    }

    @SafeVarargs
    private static UnaryOperator<ObjectNode> all(UnaryOperator<ObjectNode>... parts) {
        return job -> {
            for (UnaryOperator<ObjectNode> part : parts) {
                part.apply(job);
            }
            return job;
        };
    }

    /** Accepted; {@code resources} (Kubernetes resource name to amount) must be on the Job's container limits. */
    private DynamicTest accepts(String what, String user, UnaryOperator<ObjectNode> shape, Map<String, String> resources) {
        return dynamicTest("accepts " + what, () -> {
            Message m = launcher.submitJob(user, job(shape));
            assertThat(m.isError()).as("%s was refused: %s", what, m).isFalse();
            String id = m.get("jobs").get(0).get("id").asString();
            Container container = cluster.client().batch().v1().jobs().inNamespace("rstudio").withName(id).get()
                    .getSpec().getTemplate().getSpec().getContainers().get(0);
            resources.forEach((name, amount) -> {
                Quantity limit = container.getResources().getLimits().get(name);
                assertThat(limit).as("%s: limit %s on the Kubernetes Job", what, name).isNotNull();
                assertThat(limit.getNumericalAmount()).as("%s: %s", what, name)
                        .isEqualByComparingTo(Quantity.parse(amount).getNumericalAmount());
            });
            probes.incrementAndGet();
            accepted.incrementAndGet();
        });
    }

    private DynamicTest accepts(String what, UnaryOperator<ObjectNode> shape) {
        return accepts(what, USER, shape, Map.of());
    }

    /** Refused with Error 2 whose message names {@code setting}. */
    private DynamicTest refuses(String what, String user, UnaryOperator<ObjectNode> shape, String setting) {
        return dynamicTest("refuses " + what, () -> {
            Message m = launcher.submitJob(user, job(shape));
            assertThat(m.isError()).as("BYPASS: %s was accepted: %s", what, m).isTrue();
            assertThat(m.errorCode()).as("%s", m).isEqualTo(2);
            assertThat(m.errorMessage()).as("%s: the error names the setting", what).contains(setting);
            probes.incrementAndGet();
            refused.incrementAndGet();
        });
    }

    private DynamicTest refuses(String what, UnaryOperator<ObjectNode> shape, String setting) {
        return refuses(what, USER, shape, setting);
    }

    @TestFactory
    List<DynamicTest> numericLimits() {
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(accepts("cpuCount at max-cpus (4)", USER, limit("cpuCount", "4"), Map.of("cpu", "4")));
        tests.add(refuses("cpuCount 4.001", limit("cpuCount", "4.001"), "max-cpus"));
        tests.add(refuses("cpuCount 4.0000001 (below Kubernetes' millicore precision)", limit("cpuCount", "4.0000001"), "max-cpus"));
        tests.add(refuses("cpuCount 5", limit("cpuCount", "5"), "max-cpus"));
        tests.add(accepts("memory at max-mem-mb (4096)", USER, limit("memory", "4096"), Map.of("memory", "4096M")));
        tests.add(refuses("memory 4097", limit("memory", "4097"), "max-mem-mb"));
        tests.add(refuses("memory 4096.5", limit("memory", "4096.5"), "max-mem-mb"));
        tests.add(accepts("CPU Request at max-cpus-request (2)", USER,
                all(limit("cpuCount", "4"), limit("CPU Request", "2")), Map.of("cpu", "4")));
        tests.add(refuses("CPU Request 2.001", all(limit("cpuCount", "4"), limit("CPU Request", "2.001")), "max-cpus-request"));
        tests.add(accepts("Memory Request at max-mem-mb-request (2048)", USER,
                all(limit("memory", "4096"), limit("Memory Request", "2048")), Map.of("memory", "4096M")));
        tests.add(refuses("Memory Request 2049", all(limit("memory", "4096"), limit("Memory Request", "2049")),
                "max-mem-mb-request"));
        tests.add(refuses("CPU Request above its own cpuCount", all(limit("cpuCount", "1"), limit("CPU Request", "1.5")),
                "cpuCount"));
        tests.add(accepts("NVIDIA GPUs at max-nvidia-gpus (2)", USER, limit("NVIDIA GPUs", "2"), Map.of("nvidia.com/gpu", "2")));
        tests.add(refuses("NVIDIA GPUs 3", limit("NVIDIA GPUs", "3"), "max-nvidia-gpus"));
        tests.add(refuses("NVIDIA GPUs 2.5", limit("NVIDIA GPUs", "2.5"), "NVIDIA GPUs"));
        tests.add(accepts("AMD GPUs at max-amd-gpus (1)", USER, limit("AMD GPUs", "1"), Map.of("amd.com/gpu", "1")));
        tests.add(refuses("AMD GPUs 2", limit("AMD GPUs", "2"), "max-amd-gpus"));
        return tests;
    }

    @TestFactory
    List<DynamicTest> waysAroundANumericLimit() {
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(refuses("cpuCount given twice (1, then 100)", all(limit("cpuCount", "1"), limit("cpuCount", "100")), "cpuCount"));
        tests.add(refuses("memory given twice (4096, then 99999)", all(limit("memory", "4096"), limit("memory", "99999")), "memory"));
        for (String odd : List.of("1e3", "0x10", "-1", "NaN", "Infinity", "4,5", "4 cpus", "٤", "5.", " 5 ")) {
            tests.add(dynamicTest("cpuCount '" + odd + "' is refused or within max-cpus", () -> {
                Message m = launcher.submitJob(USER, job(limit("cpuCount", odd)));
                if (m.isError()) {
                    assertThat(m.errorCode()).isEqualTo(2);
                    assertThat(m.errorMessage()).contains("cpuCount");
                    refused.incrementAndGet();
                } else {
                    String id = m.get("jobs").get(0).get("id").asString();
                    Quantity cpu = cluster.client().batch().v1().jobs().inNamespace("rstudio").withName(id).get()
                            .getSpec().getTemplate().getSpec().getContainers().get(0).getResources().getLimits().get("cpu");
                    assertThat(cpu.getNumericalAmount()).as("BYPASS: cpuCount '%s' became cpu %s", odd, cpu)
                            .isLessThanOrEqualTo(BigDecimal.valueOf(4));
                    accepted.incrementAndGet();
                }
                probes.incrementAndGet();
            }));
        }
        tests.add(refuses("an unknown limit type", limit("cpuTime", "10"), "resource limit type"));
        tests.add(refuses("a limit type in other case", limit("CPUCOUNT", "100"), "resource limit type"));
        return tests;
    }

    @TestFactory
    List<DynamicTest> imagesAndPlacement() {
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(accepts("a listed image", image("r-session:4.4")));
        tests.add(accepts("the default image", image("ubuntu:24.04")));
        tests.add(refuses("an unlisted image", image("r-session:4.5"), "allow-unknown-images"));
        tests.add(refuses("a listed image with another registry", image("docker.io/library/r-session:4.4"), "allow-unknown-images"));
        tests.add(refuses("a listed image in other case", image("R-Session:4.4"), "allow-unknown-images"));
        tests.add(refuses("a listed image with a digest", image("r-session:4.4@sha256:" + "0".repeat(64)), "allow-unknown-images"));
        tests.add(accepts("an allowed placement value", placement("region", "us")));
        tests.add(accepts("a free-form placement value", placement("node", "node-7")));
        tests.add(refuses("a placement value not listed", placement("region", "asia"), "placement-constraints"));
        tests.add(refuses("a placement name not listed", placement("zone", "a"), "placement-constraints"));
        tests.add(refuses("a placement value in other case", placement("region", "US"), "placement-constraints"));
        tests.add(refuses("an empty free-form placement value", placement("node", ""), "placement-constraints"));
        tests.add(refuses("the same placement twice", all(placement("region", "us"), placement("region", "eu")),
                "placement constraint region"));
        return tests;
    }

    @TestFactory
    List<DynamicTest> resourceProfiles() {
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(accepts("a resource profile the user may use", USER, profile("small"), Map.of("cpu", "1", "memory", "512M")));
        tests.add(accepts("a GPU resource profile", USER, profile("gpu"), Map.of("nvidia.com/gpu", "1")));
        tests.add(refuses("a resource profile not offered to the user", profile("huge"), "resource-profiles"));
        tests.add(refuses("a resource profile that does not exist", profile("enormous"), "resource-profiles"));
        tests.add(refuses("a resource profile's limit raised by the job", all(profile("small"), limit("cpuCount", "4")),
                "resource profile small sets cpus=1"));
        tests.add(refuses("custom limits where allow-custom-resources=0", RESTRICTED, limit("cpuCount", "1"),
                "allow-custom-resources"));
        tests.add(refuses("resourceProfile custom where allow-custom-resources=0", RESTRICTED, profile("custom"),
                "allow-custom-resources"));
        tests.add(accepts("a resource profile where allow-custom-resources=0", RESTRICTED, profile("small"), Map.of("cpu", "1")));
        tests.add(refuses("a resource profile the restricted user is not offered", RESTRICTED, profile("gpu"), "resource-profiles"));
        return tests;
    }
}
