package io.kubelauncher.kubernetes.policy;

import java.util.Objects;

/**
 * How a reload of the profiles and resources files went; maps onto the Config Reload response's
 * {@code errorType} (0 none, 1 load error, 2 validation error) and {@code errorMessage}.
 */
public record ReloadResult(Outcome outcome, String message) {

    public enum Outcome {
        /** The new files are in force. */
        RELOADED,
        /** A file could not be read; the previous policy stays in force. */
        LOAD_ERROR,
        /** A file was invalid; the previous policy stays in force. */
        VALIDATION_ERROR
    }

    public ReloadResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(message, "message");
    }

    public boolean succeeded() {
        return outcome == Outcome.RELOADED;
    }

    /** The Config Reload response's {@code errorType}: 0 none, 1 load error, 2 validation error. */
    public int errorType() {
        switch (outcome) {
            case RELOADED:
                return 0;
            case LOAD_ERROR:
                return 1;
            default:
                return 2;
        }
    }
}
