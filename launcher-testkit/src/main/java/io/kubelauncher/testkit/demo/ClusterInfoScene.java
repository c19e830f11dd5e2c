package io.kubelauncher.testkit.demo;

import io.kubelauncher.testkit.client.Message;
import java.math.BigDecimal;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Cluster Info for two users whose profiles differ: alice gets the site-wide {@code [*]} section,
 * bob his own section with more memory and an extra image (see {@link DemoConfiguration}).
 */
final class ClusterInfoScene implements Scene {

    @Override
    public String title() {
        return "Cluster info for two users";
    }

    @Override
    public String story() {
        return "Workbench asks what each user may run; the answer follows the user's profile in launcher.kubernetes.profiles.conf.";
    }

    @Override
    public void play(Stage stage) {
        inspect(stage, DemoConfiguration.ALICE, DemoConfiguration.STANDARD_IMAGE, DemoConfiguration.ALICE_MAX_MEM_MB, 1);
        inspect(stage, DemoConfiguration.BOB, DemoConfiguration.BOB_IMAGE, DemoConfiguration.BOB_MAX_MEM_MB, 2);
    }

    private static void inspect(Stage stage, String user, String defaultImage, int maxMemoryMb, int profiles) {
        Message info = stage.ask(user, "Cluster Info", c -> c.clusterInfo(user));
        if (info.isError()) {
            stage.verify("cluster info: " + user, false, AnswerText.describe(info));
            return;
        }
        JsonNode json = info.json();
        String image = json.path("defaultImage").asString("");
        Optional<BigDecimal> maxMemory = maxMemory(json);
        int profileCount = json.path("resourceProfiles").size();
        boolean ok = json.path("supportsContainers").asBoolean(false) && image.equals(defaultImage)
                && maxMemory.filter(m -> m.compareTo(BigDecimal.valueOf(maxMemoryMb)) == 0).isPresent()
                && profileCount == profiles;
        stage.verify("cluster info: " + user, ok, "default image " + image + ", max memory "
                + maxMemory.map(BigDecimal::toPlainString).orElse("(none)") + " MB, " + profileCount
                + " resource profile(s); expected " + defaultImage + ", " + maxMemoryMb + " MB, " + profiles);
    }

    private static Optional<BigDecimal> maxMemory(JsonNode info) {
        for (JsonNode limit : info.path("resourceLimits")) {
            if (limit.path("type").asString("").equals("memory") && !limit.path("maxValue").asString("").isEmpty()) {
                try {
                    return Optional.of(new BigDecimal(limit.path("maxValue").asString("")));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
