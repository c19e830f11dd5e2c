package io.kubelauncher.api.plugin;

/**
 * The answer to a Control Job request that was attempted (spec 6.5, 9): {@code operationComplete}
 * false means the attempt failed; {@code statusMessage} says what happened (may be empty).
 */
public record ControlResult(String statusMessage, boolean operationComplete) {

    public ControlResult {
        statusMessage = statusMessage == null ? "" : statusMessage;
    }

    public static ControlResult done(String statusMessage) {
        return new ControlResult(statusMessage, true);
    }

    public static ControlResult failed(String statusMessage) {
        return new ControlResult(statusMessage, false);
    }
}
