package io.kubelauncher.gotemplate.exec;

import java.util.Locale;

/** Go's {@code missingkey} option: what {@code .key} yields when a map has no such key. */
public enum MissingKey {
    /** Go's default (also spelled {@code invalid}): no value, printed as {@code <no value>}. */
    DEFAULT,
    /** The zero value of the map's element type: nil for {@code map[string]interface{}} (Helm's non-strict mode). */
    ZERO,
    /** An execution error {@code map has no entry for key "k"} (Helm's strict mode). */
    ERROR;

    /** Parses Go's option value: {@code default}, {@code invalid}, {@code zero} or {@code error}. */
    public static MissingKey parse(String value) {
        switch (value.toLowerCase(Locale.ROOT)) {
            case "default":
            case "invalid":
                return DEFAULT;
            case "zero":
                return ZERO;
            case "error":
                return ERROR;
            default:
                throw new IllegalArgumentException("missingkey: want default, invalid, zero or error, got " + value);
        }
    }
}
