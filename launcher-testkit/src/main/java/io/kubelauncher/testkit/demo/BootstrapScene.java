package io.kubelauncher.testkit.demo;

import io.kubelauncher.testkit.client.LauncherClient;
import io.kubelauncher.testkit.client.Message;
import java.time.Duration;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/** The Launcher's first words: Bootstrap with its API version; then it opens the status stream for every job. */
final class BootstrapScene implements Scene {

    /** How often the wait for the answer looks whether the plugin is still alive. */
    private static final Duration SLICE = Duration.ofMillis(250);
    /** How long output already written by a plugin that exited may take to be read. */
    private static final Duration LAST_WORDS = Duration.ofSeconds(1);

    @Override
    public String title() {
        return "Bootstrap";
    }

    @Override
    public String story() {
        return "The Launcher starts the plugin, bootstraps it with Plugin API 3.7.0 and opens one status stream for all jobs.";
    }

    @Override
    public boolean essential() {
        return true;
    }

    @Override
    public void play(Stage stage) {
        Message answer = stage.ask("launcher", "Bootstrap, Launcher Plugin API 3.7.0", c -> bootstrap(c, stage.patience()));
        String observed = answer.isError() ? AnswerText.describe(answer)
                : "plugin speaks API " + AnswerText.version(answer.json().path("version"));
        if (!stage.verify("bootstrap", !answer.isError() && answer.json().path("version").path("major").asInt() == 3, observed)) {
            throw new DemoFailure("bootstrap failed: " + observed);
        }
        stage.statuses().open(stage.client());
    }

    /**
     * Sends Bootstrap (request id 0) and waits for its answer, but not for a plugin that already
     * exited (a configuration error stops it at once): that fails at once with its exit code.
     */
    private static Message bootstrap(LauncherClient client, Duration patience) {
        ObjectNode request = client.objectNode();
        request.put("messageType", LauncherClient.BOOTSTRAP).put("requestId", 0);
        request.putObject("version").put("major", 3).put("minor", 7).put("patch", 0);
        client.send(request);
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            Optional<Message> answer = client.poll(0, SLICE);
            if (answer.isPresent()) {
                return answer.get();
            }
            if (!client.process().isAlive()) {
                return client.poll(0, LAST_WORDS).orElseThrow(() -> new DemoFailure("the plugin exited with code "
                        + client.process().exitValue() + " without answering Bootstrap"));
            }
            if (System.nanoTime() - deadline > 0) {
                throw new DemoFailure("no answer to Bootstrap within " + patience.toSeconds() + " s");
            }
        }
    }
}
