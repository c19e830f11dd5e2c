package io.kubelauncher.api.plugin;

import io.kubelauncher.api.model.Version;

/**
 * What the runtime hands a {@link JobSource} at bootstrap.
 *
 * @param launcherVersion the Plugin API version the Launcher sent (same major as ours)
 * @param statusPublisher where status changes go for the lifetime of the process
 */
public record BootstrapContext(Version launcherVersion, JobStatusPublisher statusPublisher) {
}
