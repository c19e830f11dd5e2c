package io.kubelauncher.kubernetes.translate;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A control operation as recorded on the Kubernetes Job before the plugin acts on it, so that every
 * plugin instance derives the same final status (a killed job is {@code Killed} everywhere, not
 * {@code Finished} with exit code 137 on the instances that did not send the kill).
 *
 * @param operation what was asked
 * @param requestedAt when it was asked; becomes the job's last update time
 */
public record ControlRecord(Operation operation, Instant requestedAt) {

    /** Annotation on the Job's own metadata holding the operation. */
    public static final String OPERATION_ANNOTATION = "kubelauncher.io/control";
    /** Annotation on the Job's own metadata holding when the operation was asked (RFC 3339). */
    public static final String TIME_ANNOTATION = "kubelauncher.io/control-time";

    public enum Operation {
        STOP, KILL, CANCEL;

        String annotationValue() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The annotations that record this operation. */
    public Map<String, String> annotations() {
        return Map.of(OPERATION_ANNOTATION, operation.annotationValue(), TIME_ANNOTATION, requestedAt.toString());
    }

    /** Reads the record from a Job's annotations; absent (or unreadable, e.g. edited by hand) means none. */
    public static Optional<ControlRecord> from(Map<String, String> annotations) {
        if (annotations == null) {
            return Optional.empty();
        }
        String op = annotations.get(OPERATION_ANNOTATION);
        String time = annotations.get(TIME_ANNOTATION);
        if (op == null || time == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ControlRecord(Operation.valueOf(op.trim().toUpperCase(Locale.ROOT)), Instant.parse(time.trim())));
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
