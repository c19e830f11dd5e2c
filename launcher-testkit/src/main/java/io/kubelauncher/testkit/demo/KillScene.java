package io.kubelauncher.testkit.demo;

import io.kubelauncher.testkit.client.Message;

/** The user ends the session by force: Control Job kill, then the status stream reports Killed (exit code 137). */
final class KillScene implements Scene {

    /** Control Job operation 3: kill (spec 6.5). */
    private static final int KILL = 3;

    @Override
    public String title() {
        return "Killing the session";
    }

    @Override
    public String story() {
        return "bob force-quits his session; the plugin deletes its pod at once and the job ends Killed.";
    }

    @Override
    public void play(Stage stage) {
        String user = DemoConfiguration.BOB;
        String id = stage.job(SessionJobScene.ROLE)
                .orElseThrow(() -> new DemoFailure("there is no running session to kill (the session scene failed)"));
        Message control = stage.ask(user, "Control Job " + id + ": kill", c -> c.controlJob(user, id, KILL));
        if (control.isError() || !control.json().path("operationComplete").asBoolean(false)) {
            stage.verify("kill: session Killed", false, AnswerText.describe(control));
            return;
        }
        StatusChange killed = stage.statuses().awaitStatus(id, "Killed", stage.patience());
        Message state = stage.ask(user, "Get Job " + id, c -> c.getJob(user, id));
        int exitCode = state.json().path("jobs").path(0).path("exitCode").asInt(-1);
        stage.verify("kill: session Killed", exitCode == 137, killed + ", exit code " + exitCode);
    }
}
