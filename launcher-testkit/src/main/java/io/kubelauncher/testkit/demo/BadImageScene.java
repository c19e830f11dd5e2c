package io.kubelauncher.testkit.demo;

import io.kubelauncher.testkit.client.Message;
import java.time.Duration;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * A job whose image cannot be pulled. The simulated cluster is told to fail pulls of one image; the
 * kubelet's ErrImagePull / ImagePullBackOff must reach the user as a message a person understands,
 * and the plugin fails the job once its launch-failure grace period is over.
 */
final class BadImageScene implements Scene {

    static final String IMAGE = "registry.example.com/analytics/r-session:9.9";

    private final Optional<Duration> launchGracePeriod;

    /**
     * @param launchGracePeriod the grace period the plugin was configured with, when short enough to
     *     wait for the Failed status; empty when it is the default five minutes (the demo then shows the
     *     Pending message only)
     */
    BadImageScene(Optional<Duration> launchGracePeriod) {
        this.launchGracePeriod = launchGracePeriod;
    }

    @Override
    public String title() {
        return "A job stuck on a bad image";
    }

    @Override
    public String story() {
        return "alice picks an image the registry does not have; the plugin says so in words instead of ImagePullBackOff.";
    }

    @Override
    public void play(Stage stage) {
        String user = DemoConfiguration.ALICE;
        stage.scenarios().failImagePulls(IMAGE);
        stage.transcript().cluster("pulls of " + IMAGE + " now fail (ErrImagePull, then ImagePullBackOff)");
        ObjectNode job = stage.client().objectNode();
        job.put("name", "Session on a missing image");
        job.put("command", "echo never runs");
        job.putObject("container").put("image", IMAGE);
        Message submitted = stage.ask(user, "Submit Job \"Session on a missing image\" (image " + IMAGE + ")",
                c -> c.submitJob(user, job));
        String id = Stage.jobId(submitted, "Submit Job \"Session on a missing image\"");

        StatusChange stuck = stage.statuses().await(id, "a message about the image",
                c -> c.message().contains(IMAGE), stage.patience());
        stage.verify("bad image: friendly status message", stuck.status().equals("Pending")
                && stuck.message().contains("could not be pulled"), stuck.toString());

        if (launchGracePeriod.isPresent()) {
            stage.transcript().note("launch-failure-grace-seconds=" + launchGracePeriod.get().toSeconds()
                    + " in launcher.kubernetes.conf: the plugin gives up on the image after that long");
            Duration wait = launchGracePeriod.get().plus(stage.patience());
            StatusChange failed = stage.statuses().awaitStatus(id, "Failed", wait);
            stage.verify("bad image: Failed after the grace period", failed.message().contains(IMAGE), failed.toString());
        } else {
            stage.transcript().note("the plugin fails this job after its launch-failure grace period"
                    + " (5 minutes by default); the demo does not wait that long");
        }
    }
}
