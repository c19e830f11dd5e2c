package io.kubelauncher.kubernetes.config;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The value syntaxes shared by the main config, the profiles file and the resources file. */
final class ValueSyntax {

    private ValueSyntax() {
    }

    /**
     * Booleans: the SDK's {@code 1}/{@code 0}, and (a superset, as the API reference recommends)
     * {@code true/false}, {@code yes/no}, {@code on/off}, case-insensitive.
     */
    static boolean bool(String raw) throws InvalidValueException {
        switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "1": case "true": case "yes": case "on":
                return true;
            case "0": case "false": case "no": case "off":
                return false;
            default:
                throw new InvalidValueException("bad boolean '" + raw + "': use 1 or 0");
        }
    }

    /** A decimal number {@code >= 0}, e.g. {@code 2}, {@code 0.5}. */
    static BigDecimal nonNegativeDecimal(String raw) throws InvalidValueException {
        BigDecimal value = decimal(raw);
        if (value.signum() < 0) {
            throw new InvalidValueException("bad number '" + raw + "': must not be negative");
        }
        return value;
    }

    static BigDecimal decimal(String raw) throws InvalidValueException {
        String text = raw.strip();
        if (text.isEmpty()) {
            throw new InvalidValueException("missing number");
        }
        // BigDecimal also takes exponents ("1e3"); refuse them and other oddities so the
        // accepted syntax is what an administrator would write: digits with an optional fraction.
        if (!text.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)")) {
            throw new InvalidValueException("bad number '" + raw + "'");
        }
        return new BigDecimal(text);
    }

    /** A ratio in the range (0.0, 1.0]. */
    static BigDecimal ratio(String raw) throws InvalidValueException {
        BigDecimal value = decimal(raw);
        if (value.signum() <= 0 || value.compareTo(BigDecimal.ONE) > 0) {
            throw new InvalidValueException("bad ratio '" + raw + "': must be greater than 0.0 and at most 1.0");
        }
        return value;
    }

    /** A whole number within {@code [min, max]}. */
    static long wholeNumber(String raw, long min, long max) throws InvalidValueException {
        String text = raw.strip();
        if (!text.matches("[+-]?\\d+")) {
            throw new InvalidValueException("bad number '" + raw + "': expected a whole number");
        }
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new InvalidValueException("bad number '" + raw + "': too large");
        }
        if (value < min || value > max) {
            throw new InvalidValueException("bad number '" + raw + "': must be "
                    + (max == Long.MAX_VALUE ? "at least " + min : "between " + min + " and " + max));
        }
        return value;
    }

    /** A comma-separated list; blanks around items are removed and empty items are dropped. */
    static List<String> list(String raw) {
        List<String> items = new ArrayList<>();
        for (String item : raw.split(",", -1)) {
            String stripped = item.strip();
            if (!stripped.isEmpty()) {
                items.add(stripped);
            }
        }
        return List.copyOf(items);
    }

    /** A plain string; one pair of enclosing double quotes is removed. */
    static String string(String raw) throws InvalidValueException {
        String text = raw.strip();
        if (text.startsWith("\"")) {
            if (text.length() < 2 || !text.endsWith("\"")) {
                throw new InvalidValueException("unterminated quoted string " + text);
            }
            String inner = text.substring(1, text.length() - 1);
            if (inner.contains("\"")) {
                throw new InvalidValueException("unexpected quote inside " + text);
            }
            return inner;
        }
        return text;
    }

    /**
     * {@code name1:value1,name2,...}: a placement constraint with a value is a choice the user may
     * pick; one without a value is a free-form name the user gives any value to.
     */
    static List<PlacementConstraintOption> placementConstraints(String raw, boolean valueRequired)
            throws InvalidValueException {
        List<PlacementConstraintOption> options = new ArrayList<>();
        for (String item : list(raw)) {
            int colon = item.indexOf(':');
            String name = (colon < 0 ? item : item.substring(0, colon)).strip();
            if (name.isEmpty()) {
                throw new InvalidValueException("placement constraint '" + item + "' has no name");
            }
            PlacementConstraintOption option;
            if (colon < 0) {
                if (valueRequired) {
                    throw new InvalidValueException("placement constraint '" + item
                            + "' has no value: write name:value");
                }
                option = PlacementConstraintOption.freeForm(name);
            } else {
                String value = item.substring(colon + 1).strip();
                if (value.isEmpty()) {
                    throw new InvalidValueException("placement constraint '" + item
                            + "' has an empty value: write name:value"
                            + (valueRequired ? "" : ", or just name for a free-form constraint"));
                }
                option = PlacementConstraintOption.of(name, value);
            }
            if (options.contains(option)) {
                throw new InvalidValueException("placement constraint '" + item + "' is listed twice");
            }
            options.add(option);
        }
        return List.copyOf(options);
    }
}
