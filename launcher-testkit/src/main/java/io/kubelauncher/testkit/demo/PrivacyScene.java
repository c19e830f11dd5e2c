package io.kubelauncher.testkit.demo;

import io.kubelauncher.testkit.client.Message;

/** Users see only their own jobs: alice asking for bob's session gets "job not found", as if it did not exist. */
final class PrivacyScene implements Scene {

    /** Error code JobNotFound (spec 11): also the answer for a job the user may not see. */
    private static final int JOB_NOT_FOUND = 3;

    @Override
    public String title() {
        return "Another user's job is invisible";
    }

    @Override
    public String story() {
        return "alice asks for bob's session by its id; the plugin answers as if it did not exist.";
    }

    @Override
    public void play(Stage stage) {
        String user = DemoConfiguration.ALICE;
        String id = stage.job(SessionJobScene.ROLE)
                .orElseThrow(() -> new DemoFailure("there is no session of bob's to look for (the session scene failed)"));
        Message answer = stage.ask(user, "Get Job " + id + " (bob's session)", c -> c.getJob(user, id));
        stage.verify("privacy: bob's job hidden from alice", answer.errorCode() == JOB_NOT_FOUND, AnswerText.describe(answer));
    }
}
