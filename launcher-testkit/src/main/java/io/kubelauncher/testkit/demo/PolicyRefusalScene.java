package io.kubelauncher.testkit.demo;

import io.kubelauncher.testkit.client.Message;
import tools.jackson.databind.node.ObjectNode;

/**
 * A job over the user's limit: alice asks for more memory than her profile's {@code max-mem-mb}. The
 * plugin refuses it before anything reaches Kubernetes, with an Error whose text says which limit.
 */
final class PolicyRefusalScene implements Scene {

    static final int REQUESTED_MB = 8192;

    @Override
    public String title() {
        return "A job refused by policy";
    }

    @Override
    public String story() {
        return "alice asks for " + REQUESTED_MB + " MB; her profile allows " + DemoConfiguration.ALICE_MAX_MEM_MB
                + " MB, so the plugin refuses the job with an explanation.";
    }

    @Override
    public void play(Stage stage) {
        String user = DemoConfiguration.ALICE;
        ObjectNode job = stage.client().objectNode();
        job.put("name", "Huge model");
        job.put("command", "echo should never run");
        job.putArray("resourceLimits").addObject().put("type", "memory").put("value", Integer.toString(REQUESTED_MB));
        Message answer = stage.ask(user, "Submit Job \"Huge model\" with memory " + REQUESTED_MB + " MB",
                c -> c.submitJob(user, job));
        String text = answer.errorMessage();
        stage.verify("policy: over-limit job refused", answer.isError() && answer.errorCode() == 2
                && text.contains(Integer.toString(DemoConfiguration.ALICE_MAX_MEM_MB)), AnswerText.describe(answer));
    }
}
