package io.kubelauncher.testkit.demo;

import io.kubelauncher.testkit.client.Message;
import tools.jackson.databind.node.ObjectNode;

/** A batch job (a Workbench Job): submitted, its output followed live while it runs, then Finished with exit code 0. */
final class BatchJobScene implements Scene {

    static final String EXPECTED_OUTPUT = "step 1 of 3: reading data\nstep 2 of 3: fitting model\nstep 3 of 3: writing report\n"
            + "report written to report.html\n";

    @Override
    public String title() {
        return "A batch job with its output";
    }

    @Override
    public String story() {
        return "alice runs a script as a background job; the plugin creates a Kubernetes Job and streams its output live.";
    }

    @Override
    public void play(Stage stage) {
        String user = DemoConfiguration.ALICE;
        ObjectNode job = stage.client().objectNode();
        job.put("name", "Nightly report");
        job.put("command", "for s in 'reading data' 'fitting model' 'writing report'; do n=$((n+1)); "
                + "echo \"step $n of 3: $s\"; sleep 0.4; done; echo 'report written to report.html'");
        job.putArray("tags").add("demo");
        String id = Stage.jobId(stage.ask(user, "Submit Job \"Nightly report\" (a shell script)", c -> c.submitJob(user, job)),
                "Submit Job \"Nightly report\"");

        OutputTail.Output output = new OutputTail(stage).follow(user, id, text -> false);
        stage.verify("batch job: output streamed", output.complete() && output.text().equals(EXPECTED_OUTPUT),
                OutputTail.quoted(output.text()) + (output.complete() ? ", complete" : ", not complete"));

        StatusChange finished = stage.statuses().awaitStatus(id, "Finished", stage.patience());
        Message state = stage.ask(user, "Get Job " + id, c -> c.getJob(user, id));
        int exitCode = state.json().path("jobs").path(0).path("exitCode").asInt(-1);
        stage.verify("batch job: Finished, exit code 0", exitCode == 0 && !state.isError(),
                finished + ", exit code " + exitCode + ", statuses " + stage.statuses().history(id));
    }
}
