package io.kubelauncher.api.options;

import java.util.Optional;

/** The options every plugin accepts: the union of both SDKs' options (spec 2.5). */
public enum StandardOption {
    PLUGIN_NAME("plugin-name", OptionKind.STRING),
    SERVER_USER("server-user", OptionKind.STRING),
    ENABLE_DEBUG_LOGGING("enable-debug-logging", OptionKind.BOOLEAN),
    SCRATCH_PATH("scratch-path", OptionKind.PATH),
    HEARTBEAT_INTERVAL_SECONDS("heartbeat-interval-seconds", OptionKind.UNSIGNED),
    JOB_EXPIRY_HOURS("job-expiry-hours", OptionKind.NON_NEGATIVE_DECIMAL),
    LAUNCHER_CONFIG_FILE("launcher-config-file", OptionKind.PATH),
    THREAD_POOL_SIZE("thread-pool-size", OptionKind.UNSIGNED),
    LOGGING_DIR("logging-dir", OptionKind.PATH),
    UNPRIVILEGED("unprivileged", OptionKind.BOOLEAN),
    LOG_LEVEL("log-level", OptionKind.LOG_LEVEL),
    MAX_MESSAGE_SIZE("max-message-size", OptionKind.UNSIGNED),
    RSANDBOX_PATH("rsandbox-path", OptionKind.PATH),
    CONFIG_FILE("config-file", OptionKind.PATH),
    PLUGIN_METRICS_INTERVAL_SECONDS("plugin-metrics-interval-seconds", OptionKind.UNSIGNED);

    private final String optionName;
    private final OptionKind kind;

    StandardOption(String optionName, OptionKind kind) {
        this.optionName = optionName;
        this.kind = kind;
    }

    /** The name without dashes, as in the config file. */
    public String optionName() {
        return optionName;
    }

    public OptionKind kind() {
        return kind;
    }

    public static Optional<StandardOption> byName(String name) {
        for (StandardOption option : values()) {
            if (option.optionName.equals(name)) {
                return Optional.of(option);
            }
        }
        return Optional.empty();
    }
}
