package io.kubelauncher.api.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/** The state of a launcher job, with the exact strings of the wire (spec 7.2). */
public enum JobStatus {
    PENDING("Pending", false),
    RUNNING("Running", false),
    SUSPENDED("Suspended", false),
    FINISHED("Finished", true),
    FAILED("Failed", true),
    KILLED("Killed", true),
    CANCELED("Canceled", true);

    private final String wireName;
    private final boolean terminal;

    JobStatus(String wireName, boolean terminal) {
        this.wireName = wireName;
        this.terminal = terminal;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** A terminal status never changes again. */
    public boolean isTerminal() {
        return terminal;
    }

    /**
     * Reads a status as filters send it: trimmed and case-insensitive, as the C++ SDK does, which
     * also accepts the exact strings the Go SDK sends.
     */
    public static Optional<JobStatus> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        for (JobStatus status : values()) {
            if (status.wireName.toLowerCase(Locale.ROOT).equals(wanted)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }

    /** JSON input: the C++ SDK writes {@code ""} for a status it does not know; that reads as absent. */
    @JsonCreator
    static JobStatus fromJson(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return parse(text).orElseThrow(
                () -> new IllegalArgumentException("unknown job status \"" + text + "\""));
    }

    @Override
    public String toString() {
        return wireName;
    }
}
