package io.kubelauncher.testkit.demo;

import io.kubelauncher.testkit.client.LauncherClient;
import io.kubelauncher.testkit.client.Message;

/** The Launcher's first words: Bootstrap with its API version; then it opens the status stream for every job. */
final class BootstrapScene implements Scene {

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
        Message answer = stage.ask("launcher", "Bootstrap, Launcher Plugin API 3.7.0", LauncherClient::bootstrap);
        String observed = answer.isError() ? AnswerText.describe(answer)
                : "plugin speaks API " + AnswerText.version(answer.json().path("version"));
        if (!stage.verify("bootstrap", !answer.isError() && answer.json().path("version").path("major").asInt() == 3, observed)) {
            throw new DemoFailure("bootstrap failed: " + observed);
        }
        stage.statuses().open(stage.client());
    }
}
