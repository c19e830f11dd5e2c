package io.kubelauncher.api.options;

import io.kubelauncher.api.runtime.RuntimeOptions;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The standard options (spec 2.5) with their values in force: given ones, else the defaults.
 *
 * @param jobExpiry {@code job-expiry-hours}, which may be fractional ({@code 0.5} is 30 minutes; the
 *     Kubernetes admin guide's {@code 0} removes finished jobs at once), default 24 hours
 * @param unprivileged empty when not given (the SDKs then decide by whether the process runs as root)
 * @param configFile the {@code config-file} option, if given
 */
public record LauncherOptions(
        String pluginName,
        String serverUser,
        boolean enableDebugLogging,
        Path scratchPath,
        long heartbeatIntervalSeconds,
        Duration jobExpiry,
        Optional<Path> launcherConfigFile,
        int threadPoolSize,
        Path loggingDir,
        Optional<Boolean> unprivileged,
        LogLevel logLevel,
        long maxMessageSize,
        Path rsandboxPath,
        Optional<Path> configFile,
        long pluginMetricsIntervalSeconds) {

    /**
     * The largest {@code job-expiry-hours} (about 114 years): longer is "never" in practice, and
     * keeps the delay within what schedulers can represent in nanoseconds.
     */
    public static final BigDecimal MAX_JOB_EXPIRY_HOURS = BigDecimal.valueOf(1_000_000);

    private static final BigDecimal NANOS_PER_HOUR = BigDecimal.valueOf(3_600_000_000_000L);

    /**
     * Defaults that differ between plugins: the Kubernetes plugin, for instance, uses
     * {@code /var/lib/rstudio-launcher/kubernetes} and {@code #CPUs * 2} workers.
     */
    public record Defaults(String pluginName, Path scratchPath, int threadPoolSize) {

        /** The Go SDK's defaults for a plugin of this built-in name. */
        public static Defaults forPlugin(String builtInName) {
            return new Defaults(builtInName, Path.of("/var/lib/rstudio-launcher", builtInName),
                    Math.max(4, Runtime.getRuntime().availableProcessors()));
        }
    }

    /** @throws OptionException naming the origin of a value that does not fit */
    public static LauncherOptions from(OptionSource options, Defaults defaults) {
        Reader r = new Reader(options);
        int threads = (int) Math.min(Integer.MAX_VALUE, r.unsigned(StandardOption.THREAD_POOL_SIZE, 0));
        long maxMessage = r.unsigned(StandardOption.MAX_MESSAGE_SIZE, RuntimeOptions.DEFAULT_MAX_MESSAGE_SIZE);
        if (maxMessage < 64 || maxMessage > Integer.MAX_VALUE - 64) {
            OptionValue given = options.get(StandardOption.MAX_MESSAGE_SIZE.optionName()).orElseThrow();
            throw new OptionException(given.origin() + ": max-message-size must be between 64 and "
                    + (Integer.MAX_VALUE - 64) + " bytes, got " + maxMessage);
        }
        boolean debug = r.bool(StandardOption.ENABLE_DEBUG_LOGGING).orElse(false);
        LogLevel level = r.string(StandardOption.LOG_LEVEL).flatMap(LogLevel::parse).orElse(LogLevel.WARNING);
        if (debug && level.compareTo(LogLevel.DEBUG) < 0) {
            level = LogLevel.DEBUG;
        }
        return new LauncherOptions(
                r.string(StandardOption.PLUGIN_NAME).filter(s -> !s.isEmpty()).orElse(defaults.pluginName()),
                r.string(StandardOption.SERVER_USER).orElse("rstudio-server"),
                debug,
                r.path(StandardOption.SCRATCH_PATH).orElse(defaults.scratchPath()),
                r.unsigned(StandardOption.HEARTBEAT_INTERVAL_SECONDS, 5),
                r.hours(StandardOption.JOB_EXPIRY_HOURS, Duration.ofHours(24), MAX_JOB_EXPIRY_HOURS),
                r.path(StandardOption.LAUNCHER_CONFIG_FILE),
                threads == 0 ? defaults.threadPoolSize() : threads,
                r.path(StandardOption.LOGGING_DIR).orElse(Path.of("/var/log/rstudio/launcher")),
                r.bool(StandardOption.UNPRIVILEGED),
                level,
                maxMessage,
                r.path(StandardOption.RSANDBOX_PATH).orElse(Path.of("/usr/lib/rstudio-server/bin/rsandbox")),
                r.path(StandardOption.CONFIG_FILE),
                r.unsigned(StandardOption.PLUGIN_METRICS_INTERVAL_SECONDS, 60));
    }

    /** What the protocol runtime needs. */
    public RuntimeOptions runtimeOptions() {
        return new RuntimeOptions(heartbeatIntervalSeconds, threadPoolSize, maxMessageSize,
                pluginMetricsIntervalSeconds);
    }

    private static final class Reader {
        private final OptionSource options;

        Reader(OptionSource options) {
            this.options = options;
        }

        Optional<String> string(StandardOption option) {
            return options.get(option.optionName()).map(OptionValue::value);
        }

        Optional<Path> path(StandardOption option) {
            return string(option).filter(s -> !s.isEmpty()).map(Path::of);
        }

        long unsigned(StandardOption option, long fallback) {
            Optional<OptionValue> given = options.get(option.optionName());
            if (given.isEmpty()) {
                return fallback;
            }
            return OptionKind.parseUnsigned(given.get().value()).orElseThrow(() -> invalid(given.get(), option));
        }

        /** Fractional hours, to the nanosecond (rounded down). */
        Duration hours(StandardOption option, Duration fallback, BigDecimal max) {
            Optional<OptionValue> given = options.get(option.optionName());
            if (given.isEmpty()) {
                return fallback;
            }
            BigDecimal hours = OptionKind.parseNonNegativeDecimal(given.get().value())
                    .orElseThrow(() -> invalid(given.get(), option));
            if (hours.compareTo(max) > 0) {
                throw new OptionException(given.get().origin() + ": " + option.optionName() + " must be at most "
                        + max.toPlainString() + " hours, got " + given.get().value().strip());
            }
            return Duration.ofNanos(hours.multiply(NANOS_PER_HOUR).setScale(0, RoundingMode.DOWN).longValueExact());
        }

        Optional<Boolean> bool(StandardOption option) {
            Optional<OptionValue> given = options.get(option.optionName());
            if (given.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(OptionKind.parseBoolean(given.get().value())
                    .orElseThrow(() -> invalid(given.get(), option)));
        }

        private static OptionException invalid(OptionValue value, StandardOption option) {
            return new OptionException(value.origin() + ": invalid value \"" + value.value() + "\" for "
                    + option.optionName() + ": expected " + option.kind().expected());
        }
    }
}
