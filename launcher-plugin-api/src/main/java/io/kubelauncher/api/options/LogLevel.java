package io.kubelauncher.api.options;

import java.util.Locale;
import java.util.Optional;

/** The {@code log-level} option: a name or its number 0-4, case-insensitive. */
public enum LogLevel {
    OFF, ERROR, WARNING, INFO, DEBUG;

    public static Optional<LogLevel> parse(String value) {
        String text = value.trim().toUpperCase(Locale.ROOT);
        for (LogLevel level : values()) {
            if (level.name().equals(text) || String.valueOf(level.ordinal()).equals(text)) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }
}
