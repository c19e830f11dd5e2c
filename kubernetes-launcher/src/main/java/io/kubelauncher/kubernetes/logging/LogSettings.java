package io.kubelauncher.kubernetes.logging;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where and how much the plugin logs.
 *
 * @param loggingDir the {@code logging-dir} setting; the log file is
 *     {@code <loggingDir>/rstudio-kubernetes-launcher.log}
 * @param debug the {@code enable-debug-logging} setting
 * @param toStderr log to stderr instead of the file (when run by hand, e.g. for a command)
 * @param maxFileSizeBytes the size at which the log file is rotated
 * @param keptFiles how many rotated files are kept beside the active one
 */
public record LogSettings(Path loggingDir, boolean debug, boolean toStderr, long maxFileSizeBytes, int keptFiles) {

    public static final String FILE_NAME = "rstudio-kubernetes-launcher.log";
    public static final long DEFAULT_MAX_FILE_SIZE = 10L * 1024 * 1024;
    public static final int DEFAULT_KEPT_FILES = 5;

    public LogSettings {
        Objects.requireNonNull(loggingDir, "loggingDir");
        if (maxFileSizeBytes <= 0 || keptFiles < 1) {
            throw new IllegalArgumentException("maxFileSizeBytes and keptFiles must be positive");
        }
    }

    public LogSettings(Path loggingDir, boolean debug, boolean toStderr) {
        this(loggingDir, debug, toStderr, DEFAULT_MAX_FILE_SIZE, DEFAULT_KEPT_FILES);
    }

    public Path logFile() {
        return loggingDir.resolve(FILE_NAME);
    }
}
