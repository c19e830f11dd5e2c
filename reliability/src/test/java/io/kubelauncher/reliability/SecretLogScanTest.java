package io.kubelauncher.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubelauncher.testkit.client.ClientStream;
import io.kubelauncher.testkit.client.LauncherClient;
import io.kubelauncher.testkit.client.Message;
import io.kubelauncher.testkit.cluster.SimulatedCluster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/**
 * The plugin at debug level, with a bearer token and jobs whose environment, stdin and arguments
 * carry secrets, on the happy path and on the error paths (bad frames that put a secret where a
 * field of another type belongs, a policy refusal, API failures): no secret in the logging
 * directory or on stderr.
 */
class SecretLogScanTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.c2VjcmV0LXRva2VuLWJvZHk.c2lnbmF0dXJlLXRvLW1hc2s";
    private static final String PASSWORD = "hunter2-Zq8vX1pL";
    private static final String AWS_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final String GITHUB = "ghp_R4nd0mT0k3nV4lu3F0rT3st1ngXYZ123456";
    private static final String STDIN_SECRET = "stdin-secret-7f3a9c2e";
    private static final String ARG_SECRET = "arg-secret-41d8cd98";

    private SimulatedCluster cluster;
    private LauncherClient launcher;

    @AfterEach
    void stop() {
        if (launcher != null) {
            launcher.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    private ObjectNode secretJob(String name, String command) {
        ObjectNode job = launcher.objectNode().put("name", name).put("command", command)
                .put("stdin", "password=" + STDIN_SECRET + "\n");
        job.putArray("args").add("--token=" + ARG_SECRET);
        var env = job.putArray("environment");
        env.addObject().put("name", "DB_PASSWORD").put("value", PASSWORD);
        env.addObject().put("name", "AWS_SECRET_ACCESS_KEY").put("value", AWS_SECRET);
        env.addObject().put("name", "GITHUB_TOKEN").put("value", GITHUB);
        return job;
    }

    @Test
    void noSecretReachesTheLogsOrStderr(@TempDir Path dir) throws IOException {
        cluster = SimulatedCluster.builder().namespace("rstudio").nodes(1).token(TOKEN).start();
        PluginSetup setup = new PluginSetup(cluster, dir.resolve("plugin"))
                .profiles("[*]\ndefault-container-image=ubuntu:24.04\nallow-unknown-images=0\n")
                .config("enable-debug-logging=1");
        launcher = setup.start();
        assertThat(launcher.bootstrap().isError()).as(launcher.stderr()).isFalse();
        ClientStream statuses = launcher.statusStream("alice", "*");

        // the happy path: the job reads its secrets and prints them (its output is the user's business)
        Message ok = launcher.submitJob("alice", secretJob("Secret job", "cat; echo $DB_PASSWORD"));
        assertThat(ok.isError()).as("%s", ok).isFalse();
        String id = ok.get("jobs").get(0).get("id").asString();
        while (true) {
            Message m = statuses.expectNext(WAIT);
            if (m.get("id").asString().equals(id) && m.get("status").asString().equals("Finished")) {
                break;
            }
        }
        StringBuilder output = new StringBuilder();
        launcher.outputStream("alice", id, 2).readToEnd(WAIT).forEach(m -> output.append(m.json().path("output").asString("")));
        assertThat(output.toString()).as("the job did see its secrets").contains(PASSWORD);
        launcher.getJob("alice", id);
        launcher.getJob("*", "*");

        // a policy refusal of a job full of secrets
        ObjectNode refused = secretJob("Refused job", "true");
        refused.putObject("container").put("image", "not-allowed:1");
        assertThat(launcher.submitJob("alice", refused).errorCode()).isEqualTo(2);

        // API failures while submitting it
        cluster.scenarios().failRequests(1.0);
        assertThat(launcher.submitJob("alice", secretJob("Failing job", "true")).isError()).isTrue();
        cluster.scenarios().reset();
        cluster.scenarios().deny("create", "jobs");
        assertThat(launcher.submitJob("alice", secretJob("Forbidden job", "true")).isError()).isTrue();
        cluster.scenarios().reset();

        // bad frames with a secret where another JSON type belongs, or after the damage
        List<String> badFrames = List.of(
                "{\"messageType\":2,\"requestId\":%d,\"username\":\"alice\",\"job\":{\"name\":\"x\",\"command\":\"true\","
                        + "\"environment\":[{\"name\":\"DB_PASSWORD\",\"value\":{\"v\":\"" + PASSWORD + "\"}}]}}",
                "{\"messageType\":2,\"requestId\":%d,\"username\":\"alice\",\"job\":{\"name\":\"x\",\"command\":\"true\","
                        + "\"environment\":[{\"name\":\"DB_PASSWORD\",\"value\":[\"" + PASSWORD + "\"]}]}}",
                "{\"messageType\":2,\"requestId\":%d,\"username\":\"alice\",\"job\":{\"name\":\"x\",\"command\":\"true\","
                        + "\"stdin\":[\"" + STDIN_SECRET + "\"]}}",
                "{\"messageType\":2,\"requestId\":%d,\"username\":\"alice\",\"job\":{\"name\":\"x\",\"command\":\"true\","
                        + "\"args\":\"--token=" + ARG_SECRET + "\"}}",
                "{\"messageType\":2,\"requestId\":%d,\"username\":\"alice\",\"job\":{\"name\":\"x\",\"command\":\"true\","
                        + "\"environment\":[{\"name\":\"GITHUB_TOKEN\",\"value\":\"" + GITHUB + "\"}],",
                "{\"messageType\":2,\"requestId\":%d,\"username\":\"alice\",\"job\":{\"name\":\"x\",\"command\":\"true\","
                        + "\"environment\":[{\"name\":\"AWS_SECRET_ACCESS_KEY\",\"value\":\"" + AWS_SECRET + "\"}]}} trailing",
                "{\"messageType\":2,\"requestId\":%d,\"username\":\"alice\",\"job\":{\"name\":\"x\",\"command\":\"true\","
                        + "\"environment\":[{\"name\":\"DB_PASSWORD\",\"value\":\"" + PASSWORD + "\"}],\"exposedPorts\":[{}]}}");
        for (String template : badFrames) {
            long requestId = launcher.nextRequestId();
            launcher.sendFrame(String.format(template, requestId).getBytes(StandardCharsets.UTF_8));
            Message answer = launcher.await(requestId);
            assertThat(answer.isError()).as("%s", answer).isTrue();
        }
        statuses.cancel();
        launcher.closeStdin();
        assertThat(launcher.waitForExit(WAIT)).contains(0);

        Map<String, String> scanned = new LinkedHashMap<>();
        scanned.put("stderr", launcher.stderr());
        // kept for a look at what was scanned
        Files.writeString(Path.of("target", "secret-log-scan-plugin-stderr.log"), launcher.stderr());
        if (Files.isDirectory(setup.loggingDir())) {
            try (Stream<Path> files = Files.walk(setup.loggingDir())) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    scanned.put(file.toString(), Files.readString(file, StandardCharsets.ISO_8859_1));
                }
            }
        }
        long lines = scanned.values().stream().mapToLong(t -> t.lines().count()).sum();
        long debugLines = scanned.values().stream().flatMap(String::lines).filter(l -> l.contains("DEBUG")).count();
        Map<String, String> secrets = Map.of("auth token", TOKEN, "DB_PASSWORD value", PASSWORD,
                "AWS_SECRET_ACCESS_KEY value", AWS_SECRET, "GITHUB_TOKEN value", GITHUB, "stdin secret", STDIN_SECRET,
                "argument secret", ARG_SECRET, "token signature", TOKEN.substring(TOKEN.lastIndexOf('.') + 1));
        List<String> leaks = new ArrayList<>();
        scanned.forEach((where, text) -> text.lines().forEach(line -> secrets.forEach((what, secret) -> {
            if (line.contains(secret)) {
                leaks.add(what + " in " + where + ": " + line);
            }
        })));
        System.err.println("log scan: " + scanned.size() + " sources (" + scanned.keySet() + "), " + lines + " lines, "
                + debugLines + " at DEBUG, " + secrets.size() + " secrets, " + leaks.size() + " leaks");
        assertThat(debugLines).as("debug logging was on, so the scan looked at debug lines").isPositive();
        assertThat(leaks).as("secrets in the logs").isEmpty();
    }
}
