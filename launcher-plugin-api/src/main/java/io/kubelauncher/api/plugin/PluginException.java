package io.kubelauncher.api.plugin;

import java.util.Objects;

/**
 * A request a {@link JobSource} could not carry out. The runtime answers the request with an Error
 * response carrying {@link #code()} and the message, which users and administrators read: say what
 * is wrong and, where it helps, what to do.
 */
public class PluginException extends RuntimeException {

    private final ErrorCode code;

    public PluginException(ErrorCode code, String message) {
        super(Objects.requireNonNull(message, "message"));
        this.code = Objects.requireNonNull(code, "code");
    }

    public PluginException(ErrorCode code, String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    public ErrorCode code() {
        return code;
    }

    public static PluginException jobNotFound(String jobId) {
        return new PluginException(ErrorCode.JOB_NOT_FOUND, "Job " + jobId + " not found");
    }

    public static PluginException invalidRequest(String message) {
        return new PluginException(ErrorCode.INVALID_REQUEST, message);
    }
}
