package io.kubelauncher.kubernetes.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The Launcher's generic plugin options (API reference 2.5) that are not among the admin guide's
 * 17 Kubernetes options.
 *
 * @param pluginName {@code plugin-name}: the cluster name from {@code launcher.conf}, empty if not given
 * @param heartbeatInterval {@code heartbeat-interval-seconds}, default 5; zero disables heartbeats
 * @param logLevel {@code log-level}, default WARNING (already raised to DEBUG when
 *     {@code enable-debug-logging=1})
 * @param maxMessageSize {@code max-message-size} in bytes, default 5242880
 * @param pluginMetricsInterval {@code plugin-metrics-interval-seconds}, default 60; zero disables metrics
 * @param unprivileged {@code unprivileged}, default 0
 * @param launcherConfigFile {@code launcher-config-file}, when given
 */
public record LauncherOptions(String pluginName, Duration heartbeatInterval, LogLevel logLevel, int maxMessageSize,
                              Duration pluginMetricsInterval, boolean unprivileged, Optional<Path> launcherConfigFile) {

    public LauncherOptions {
        Objects.requireNonNull(pluginName, "pluginName");
        Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
        Objects.requireNonNull(logLevel, "logLevel");
        Objects.requireNonNull(pluginMetricsInterval, "pluginMetricsInterval");
        Objects.requireNonNull(launcherConfigFile, "launcherConfigFile");
    }
}
