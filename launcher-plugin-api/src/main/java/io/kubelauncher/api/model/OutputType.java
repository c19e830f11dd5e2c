package io.kubelauncher.api.model;

import java.util.Locale;
import java.util.Optional;

/**
 * Which output a stream carries. In a request, {@link #MIXED} asks for both stdout and stderr (the
 * integer 2, or the Go SDK's string {@code "mixed"}); on a chunk it means the source interleaves
 * the two and cannot tell them apart (Kubernetes pod logs).
 */
public enum OutputType {
    STDOUT(0, "stdout"),
    STDERR(1, "stderr"),
    MIXED(2, "mixed");

    private final int code;
    private final String wireName;

    OutputType(int code, String wireName) {
        this.code = code;
        this.wireName = wireName;
    }

    public int code() {
        return code;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<OutputType> fromCode(long code) {
        for (OutputType type : values()) {
            if (type.code == code) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** Accepts the Go SDK's strings, plus {@code "both"} which its docs mention. */
    public static Optional<OutputType> fromName(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        if (wanted.equals("both")) {
            return Optional.of(MIXED);
        }
        for (OutputType type : values()) {
            if (type.wireName.equals(wanted)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return wireName;
    }
}
