package io.kubelauncher.api.plugin;

/** The answer to Config Reload (request 202, API 3.6). */
public record ConfigReloadResult(Outcome outcome, String message) {

    /** The wire's {@code errorType}. */
    public enum Outcome {
        UNKNOWN_ERROR(-1), SUCCESS(0), LOAD_ERROR(1), VALIDATION_ERROR(2), SAVE_ERROR(3);

        private final int errorType;

        Outcome(int errorType) {
            this.errorType = errorType;
        }

        public int errorType() {
            return errorType;
        }
    }

    public ConfigReloadResult {
        java.util.Objects.requireNonNull(outcome, "outcome");
        message = message == null ? "" : message;
    }

    public static ConfigReloadResult success() {
        return new ConfigReloadResult(Outcome.SUCCESS, "");
    }
}
