package io.kubelauncher.kubernetes.config;

import java.util.Locale;

/** The SDK's {@code log-level}: a name or its number 0 to 4. */
public enum LogLevel {
    OFF, ERROR, WARNING, INFO, DEBUG;

    static LogLevel parse(String raw) throws InvalidValueException {
        String text = raw.strip().toUpperCase(Locale.ROOT);
        if (text.matches("[0-4]")) {
            return values()[Integer.parseInt(text)];
        }
        if (text.equals("WARN")) {
            return WARNING;
        }
        for (LogLevel level : values()) {
            if (level.name().equals(text)) {
                return level;
            }
        }
        throw new InvalidValueException("bad log level '" + raw + "': use OFF, ERROR, WARNING, INFO, DEBUG or 0 to 4");
    }
}
