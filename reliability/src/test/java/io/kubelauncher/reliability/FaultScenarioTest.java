package io.kubelauncher.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.kubelauncher.testkit.client.ClientStream;
import io.kubelauncher.testkit.client.LauncherClient;
import io.kubelauncher.testkit.client.Message;
import io.kubelauncher.testkit.cluster.SimulatedCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Hundreds of jobs (a thousand at full scale) through the plugin process while the cluster
 * misbehaves: 10% of API requests answered 500, watches cut every two seconds, resource versions
 * expired (410 Gone), the API server restarted, and the plugin killed with SIGKILL and started
 * again. Afterwards the plugin's view must equal the cluster's (no job lost, none invented, none
 * doubled), every job must end in the status its command implies (exit code included), and the
 * status stream opened after the restart must carry every job's terminal status.
 */
class FaultScenarioTest {

    private static final Duration WAIT = Duration.ofMinutes(3);
    private static final String[] USERS = {"alice", "bob", "carol"};

    private SimulatedCluster cluster;
    private final List<LauncherClient> plugins = new ArrayList<>();

    /** What a job was asked to do, hence how it must end. */
    private record Planned(String name, String user, String command, String status, int exitCode) {
    }

    @AfterEach
    void stop() {
        plugins.forEach(LauncherClient::close);
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void noJobAndNoTerminalStatusIsLostThroughApiFaultsAndAPluginKill(@TempDir Path dir) {
        Scale scale = Scale.current();
        long seed = Scale.seed(20261128L);
        Random random = new Random(seed);
        int jobs = scale.faultJobs();
        System.err.println("fault scenario: scale " + scale.name() + ", " + jobs + " jobs, seed " + seed);
        long started = System.nanoTime();

        cluster = SimulatedCluster.builder().namespace("rstudio").nodes(3).seed(seed).start();
        PluginSetup setup = new PluginSetup(cluster, dir.resolve("plugin")).watchTimeoutSeconds(5);
        LauncherClient first = startPlugin(setup);
        ClientStream firstStream = first.statusStream("*", "*");

        List<Planned> plan = plan(jobs, random);
        Map<String, Planned> byId = new LinkedHashMap<>();
        Map<String, Integer> submitErrors = new TreeMap<>();
        cluster.scenarios().failRequests(0.10).dropWatchesEvery(Duration.ofSeconds(2));

        int half = jobs / 2;
        for (int i = 0; i < half; i++) {
            byId.put(submit(first, plan.get(i), submitErrors), plan.get(i));
            if (i == half / 3) {
                cluster.scenarios().expireResourceVersions();
            } else if (i == half / 2) {
                cluster.scenarios().restartApiServer();
            } else if (i == 2 * half / 3) {
                cluster.scenarios().expireResourceVersions();
            }
        }

        first.signal("KILL");
        assertThat(first.waitForExit(Duration.ofSeconds(30))).as("the first plugin process ends on SIGKILL").contains(137);
        Map<String, List<String>> seenBeforeKill = statuses(firstStream.drain());

        LauncherClient second = startPlugin(setup);
        ClientStream secondStream = second.statusStream("*", "*");
        Map<String, List<String>> seenAfterRestart = new HashMap<>();
        for (int i = half; i < jobs; i++) {
            byId.put(submit(second, plan.get(i), submitErrors), plan.get(i));
            if (i == half + (jobs - half) / 2) {
                cluster.scenarios().expireResourceVersions().restartApiServer();
            }
        }
        // the long runners, submitted by either process, are killed through the second one
        int kills = 0;
        for (Map.Entry<String, Planned> job : byId.entrySet()) {
            if (job.getValue().status().equals("Killed")) {
                killWhenRunning(second, secondStream, seenAfterRestart, job.getKey());
                kills++;
            }
        }
        cluster.scenarios().reset();

        // the truth first: the plugin's own view settles on every job's planned end
        AtomicReference<List<String>> unsettled = new AtomicReference<>(List.of());
        try {
            await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).until(() -> {
                unsettled.set(unsettled(second, byId));
                return unsettled.get().isEmpty();
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            keepStderr(first, "fault-scenario-plugin-1-stderr.log");
            keepStderr(second, "fault-scenario-plugin-2-stderr.log");
            throw new AssertionError(unsettled.get().size() + " jobs never reached their planned end in the plugin's view "
                    + "(stderr in target/fault-scenario-plugin-*-stderr.log), e.g. "
                    + unsettled.get().subList(0, Math.min(10, unsettled.get().size())), e);
        }
        // then the stream: it must have carried each of those ends (a little slack for the last frames)
        try {
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).until(() -> {
                merge(seenAfterRestart, statuses(secondStream.drain()));
                return missingTerminal(byId, seenAfterRestart).isEmpty();
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // reported below with the details
        }
        long elapsedMs = Duration.ofNanos(System.nanoTime() - started).toMillis();

        // the plugin's view, the cluster's, and the plan agree job by job
        Map<String, JsonNode> pluginView = new HashMap<>();
        for (JsonNode job : second.getJob("*", "*").get("jobs")) {
            pluginView.put(job.get("id").asString(), job);
        }
        List<Job> clusterJobs = cluster.client().batch().v1().jobs().inNamespace("rstudio").list().getItems();
        Set<String> clusterIds = clusterJobs.stream().map(j -> j.getMetadata().getName()).collect(Collectors.toSet());
        Map<String, Long> perName = clusterJobs.stream().collect(Collectors.groupingBy(
                j -> j.getSpec().getTemplate().getMetadata().getAnnotations().getOrDefault("name", "?"), Collectors.counting()));

        System.err.println("fault scenario: " + byId.size() + " jobs (" + kills + " killed) in " + elapsedMs + " ms; submits refused by API faults "
                + submitErrors.values().stream().mapToInt(Integer::intValue).sum() + " " + submitErrors.keySet()
                + "; statuses seen before the kill for " + seenBeforeKill.size() + " jobs, after the restart for "
                + seenAfterRestart.size());

        assertThat(perName).as("Kubernetes Jobs per launcher job name (a refused submit must leave nothing behind)")
                .allSatisfy((name, count) -> assertThat(count).as(name).isEqualTo(1L));
        assertThat(clusterIds).as("the cluster's jobs are the submitted ones").containsExactlyInAnyOrderElementsOf(byId.keySet());
        assertThat(pluginView.keySet()).as("the plugin's view equals the cluster's").containsExactlyInAnyOrderElementsOf(clusterIds);
        List<String> wrongEnds = new ArrayList<>();
        byId.forEach((id, planned) -> {
            JsonNode job = pluginView.get(id);
            String status = job.get("status").asString();
            int exitCode = job.path("exitCode").asInt(-1);
            if (!status.equals(planned.status()) || exitCode != planned.exitCode()) {
                wrongEnds.add(id + " (" + planned.command() + "): " + status + " exit " + exitCode + ", expected "
                        + planned.status() + " exit " + planned.exitCode());
            }
        });
        assertThat(wrongEnds).as("jobs whose final state is not what their command implies").isEmpty();
        assertThat(first.protocolViolations()).isEmpty();
        assertThat(second.protocolViolations()).isEmpty();

        List<String> streamProblems = new ArrayList<>();
        for (String id : missingTerminal(byId, seenAfterRestart)) {
            streamProblems.add("missed terminal status: " + id + " (" + byId.get(id).command() + ") ends "
                    + byId.get(id).status() + " in Get Job, but the stream opened after the restart carried "
                    + seenAfterRestart.get(id));
        }
        checkNoTerminalStatusChanges(seenBeforeKill, streamProblems, "before the kill");
        checkNoTerminalStatusChanges(seenAfterRestart, streamProblems, "after the restart");
        System.err.println("fault scenario: " + streamProblems.size() + " status stream problems" + (streamProblems.isEmpty() ? ""
                : ":\n  " + String.join("\n  ", streamProblems.subList(0, Math.min(20, streamProblems.size())))));
        assertThat(streamProblems).as("status stream problems").isEmpty();
    }

    private static List<String> unsettled(LauncherClient plugin, Map<String, Planned> byId) {
        Map<String, String> ends = new HashMap<>();
        for (JsonNode job : plugin.getJob("*", "*").get("jobs")) {
            ends.put(job.get("id").asString(), job.get("status").asString() + " " + job.path("exitCode").asInt(-1));
        }
        return byId.entrySet().stream()
                .filter(e -> !(e.getValue().status() + " " + e.getValue().exitCode()).equals(ends.get(e.getKey())))
                .map(e -> e.getKey() + " (" + e.getValue().command() + "): " + ends.get(e.getKey()))
                .collect(Collectors.toList());
    }

    private static List<String> missingTerminal(Map<String, Planned> byId, Map<String, List<String>> seen) {
        return byId.entrySet().stream().filter(e -> {
            List<String> statuses = seen.getOrDefault(e.getKey(), List.of());
            return statuses.isEmpty() || !statuses.get(statuses.size() - 1).equals(e.getValue().status());
        }).map(Map.Entry::getKey).collect(Collectors.toList());
    }

    private static void keepStderr(LauncherClient plugin, String file) {
        try {
            java.nio.file.Files.writeString(Path.of("target", file), plugin.stderr());
        } catch (java.io.IOException e) {
            System.err.println("cannot keep the plugin's stderr: " + e);
        }
    }

    private List<Planned> plan(int jobs, Random random) {
        List<Planned> plan = new ArrayList<>();
        for (int i = 0; i < jobs; i++) {
            String user = USERS[random.nextInt(USERS.length)];
            int exit = random.nextInt(4);
            int kind = random.nextInt(100);
            if (kind < 5) {
                plan.add(new Planned("fault-" + i, user, "sleep 600", "Killed", 137));
            } else if (kind < 30) {
                plan.add(new Planned("fault-" + i, user, "sleep " + (1 + random.nextInt(4)) + "; exit " + exit, "Finished", exit));
            } else {
                plan.add(new Planned("fault-" + i, user, "exit " + exit, "Finished", exit));
            }
        }
        return plan;
    }

    private LauncherClient startPlugin(PluginSetup setup) {
        for (int attempt = 1; ; attempt++) {
            LauncherClient plugin = setup.start();
            plugins.add(plugin);
            Message bootstrap = plugin.bootstrap();
            if (!bootstrap.isError()) {
                return plugin;
            }
            // the Launcher restarts a plugin whose bootstrap fails; so do we, a few times
            System.err.println("fault scenario: bootstrap attempt " + attempt + " failed: " + bootstrap);
            plugin.close();
            assertThat(attempt).as("bootstrap attempts").isLessThan(5);
        }
    }

    /** Submits until the plugin accepts (a 500 on the create is answered with an Error); returns the id. */
    private String submit(LauncherClient plugin, Planned planned, Map<String, Integer> errors) {
        for (int attempt = 1; ; attempt++) {
            ObjectNode job = plugin.objectNode().put("name", planned.name()).put("command", planned.command());
            Message m = plugin.submitJob(planned.user(), job);
            if (!m.isError()) {
                return m.get("jobs").get(0).get("id").asString();
            }
            errors.merge("Error " + m.errorCode(), 1, Integer::sum);
            assertThat(attempt).as("submit attempts for %s: %s", planned.name(), m).isLessThan(10);
        }
    }

    private void killWhenRunning(LauncherClient plugin, ClientStream stream, Map<String, List<String>> seen, String id) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
            merge(seen, statuses(stream.drain()));
            List<String> statuses = seen.getOrDefault(id, List.of());
            if (statuses.contains("Killed")) {
                return true;
            }
            if (!statuses.isEmpty() && statuses.get(statuses.size() - 1).equals("Running")) {
                Message kill = plugin.controlJob("*", id, 3);
                return !kill.isError() && kill.get("operationComplete").asBoolean();
            }
            return false;
        });
    }

    private static Map<String, List<String>> statuses(List<Message> messages) {
        Map<String, List<String>> byJob = new HashMap<>();
        for (Message m : messages) {
            if (!m.isError()) {
                byJob.computeIfAbsent(m.get("id").asString(), k -> new ArrayList<>()).add(m.get("status").asString());
            }
        }
        return byJob;
    }

    private static void merge(Map<String, List<String>> into, Map<String, List<String>> more) {
        more.forEach((id, statuses) -> into.computeIfAbsent(id, k -> new ArrayList<>()).addAll(statuses));
    }

    private static void checkNoTerminalStatusChanges(Map<String, List<String>> seen, List<String> problems, String when) {
        Set<String> terminal = Set.of("Finished", "Failed", "Killed", "Canceled");
        seen.forEach((id, statuses) -> {
            for (int i = 0; i < statuses.size(); i++) {
                if (terminal.contains(statuses.get(i)) && statuses.subList(i, statuses.size()).stream().distinct().count() > 1) {
                    problems.add(id + " " + when + ": " + statuses);
                    return;
                }
            }
        });
    }
}
