package io.kubelauncher.testkit.demo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to run the demo.
 *
 * @param pluginCommand the plugin's command line without its options (e.g. {@code bin/rstudio-kubernetes-launcher},
 *     or a {@code java -cp ... io.kubelauncher.kubernetes.Main}); the demo appends {@code --config-file} and the
 *     other Launcher options
 * @param workDirectory where the configuration, the cluster's pod sandboxes and the plugin's stderr go
 * @param patience how long any one wait (an answer, a status, an output line) may take
 * @param serverUser passed as {@code --server-user}, as the Launcher does: the user the plugin runs as (the
 *     demo's own user, so that a demo started as root does not need an {@code rstudio-server} account)
 * @param launchGracePeriod when set, written to the configuration as {@code launch-failure-grace-seconds}
 *     and the bad-image scene waits for the Failed status; when empty the plugin keeps its default (five
 *     minutes) and the scene shows the Pending message only
 */
public record DemoSettings(List<String> pluginCommand, Path workDirectory, Duration patience, String serverUser,
                           Optional<Duration> launchGracePeriod) {

    public DemoSettings {
        pluginCommand = List.copyOf(pluginCommand);
        if (pluginCommand.isEmpty()) {
            throw new IllegalArgumentException("the plugin command is empty");
        }
        Objects.requireNonNull(workDirectory, "workDirectory");
        Objects.requireNonNull(patience, "patience");
        Objects.requireNonNull(serverUser, "serverUser");
        Objects.requireNonNull(launchGracePeriod, "launchGracePeriod");
    }

    /** The launch-failure grace period the demo configures, short enough to watch a bad image's job fail. */
    public static final Duration DEMO_LAUNCH_GRACE = Duration.ofSeconds(5);

    /** Waits of up to 30 s, the plugin running as this JVM's user, and the demo's short launch-failure grace period. */
    public static DemoSettings of(List<String> pluginCommand, Path workDirectory) {
        return new DemoSettings(pluginCommand, workDirectory, Duration.ofSeconds(30), System.getProperty("user.name"),
                Optional.of(DEMO_LAUNCH_GRACE));
    }
}
