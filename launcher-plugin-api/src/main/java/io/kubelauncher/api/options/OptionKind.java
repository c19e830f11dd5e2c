package io.kubelauncher.api.options;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

/** The value types of the standard options, with their checks (spec 2.5). */
public enum OptionKind {
    STRING("a string"),
    PATH("a path"),
    UNSIGNED("a non-negative integer"),
    /** Digits with an optional fraction, as the admin guide allows for {@code job-expiry-hours}. */
    NON_NEGATIVE_DECIMAL("a non-negative number such as 24 or 0.5"),
    BOOLEAN("1, 0, true, false, yes, no, on or off"),
    LOG_LEVEL("OFF, ERROR, WARNING, INFO, DEBUG or 0-4");

    private final String expected;

    OptionKind(String expected) {
        this.expected = expected;
    }

    /** What a valid value looks like, for error messages. */
    public String expected() {
        return expected;
    }

    public boolean accepts(String value) {
        return switch (this) {
            case STRING, PATH -> true;
            case UNSIGNED -> parseUnsigned(value).isPresent();
            case NON_NEGATIVE_DECIMAL -> parseNonNegativeDecimal(value).isPresent();
            case BOOLEAN -> parseBoolean(value).isPresent();
            case LOG_LEVEL -> LogLevel.parse(value).isPresent();
        };
    }

    /** {@code 1/0/true/false/yes/no/on/off}, case-insensitive, surrounding blanks ignored. */
    public static Optional<Boolean> parseBoolean(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes", "on" -> Optional.of(true);
            case "0", "false", "no", "off" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    public static Optional<Long> parseUnsigned(String value) {
        String text = value.trim();
        if (text.isEmpty() || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Digits with an optional fraction ({@code 24}, {@code 0.5}, {@code .5}), surrounding blanks
     * ignored. Signs, exponents and grouping are refused, so that what is accepted is what an
     * administrator would write and reads the same everywhere.
     */
    public static Optional<BigDecimal> parseNonNegativeDecimal(String value) {
        String text = value.trim();
        if (!text.matches("\\d+(\\.\\d*)?|\\.\\d+")) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(text));
    }
}
