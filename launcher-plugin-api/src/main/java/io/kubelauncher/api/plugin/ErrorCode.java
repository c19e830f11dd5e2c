package io.kubelauncher.api.plugin;

import java.util.Optional;

/** The {@code errorCode} of an Error response (spec 11). */
public enum ErrorCode {
    UNKNOWN(0),
    REQUEST_NOT_SUPPORTED(1),
    INVALID_REQUEST(2),
    JOB_NOT_FOUND(3),
    PLUGIN_RESTARTED(4),
    TIMEOUT(5),
    JOB_NOT_RUNNING(6),
    JOB_OUTPUT_NOT_FOUND(7),
    INVALID_JOB_STATE(8),
    JOB_CONTROL_FAILURE(9),
    UNSUPPORTED_VERSION(10);

    private final int code;

    ErrorCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Optional<ErrorCode> fromCode(long code) {
        for (ErrorCode value : values()) {
            if (value.code == code) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
