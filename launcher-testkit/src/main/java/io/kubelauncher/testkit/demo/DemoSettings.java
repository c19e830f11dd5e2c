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
 * @param launchGracePeriod when set, written to the configuration as {@code launch-failure-grace-seconds}
 *     (an option newer plugins have) and the bad-image scene waits for the Failed status
 */
public record DemoSettings(List<String> pluginCommand, Path workDirectory, Duration patience,
                           Optional<Duration> launchGracePeriod) {

    public DemoSettings {
        pluginCommand = List.copyOf(pluginCommand);
        if (pluginCommand.isEmpty()) {
            throw new IllegalArgumentException("the plugin command is empty");
        }
        Objects.requireNonNull(workDirectory, "workDirectory");
        Objects.requireNonNull(patience, "patience");
        Objects.requireNonNull(launchGracePeriod, "launchGracePeriod");
    }

    public static DemoSettings of(List<String> pluginCommand, Path workDirectory) {
        return new DemoSettings(pluginCommand, workDirectory, Duration.ofSeconds(30), Optional.empty());
    }
}
