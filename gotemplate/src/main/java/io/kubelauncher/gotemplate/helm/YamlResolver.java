package io.kubelauncher.gotemplate.helm;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * yaml.v2's implicit typing of plain scalars (YAML 1.1 booleans such as {@code yes}/{@code on},
 * octal {@code 0755}, {@code 1_000}, timestamps, base-60 numbers...). The encoder quotes a string
 * exactly when this would read it back as something else.
 */
final class YamlResolver {

    /** What a plain scalar resolves to. */
    enum Tag { STR, BOOL, NULL, INT, FLOAT, TIMESTAMP, MERGE }

    private static final Set<String> TRUE = Set.of("y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON");
    private static final Set<String> FALSE = Set.of("n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF");
    private static final Set<String> NULLS = Set.of("", "~", "null", "Null", "NULL");
    private static final Set<String> SPECIAL_FLOATS = Set.of(".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF",
            "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF");
    private static final Pattern YAML_STYLE_FLOAT = Pattern.compile("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$");
    private static final Pattern BASE60_FLOAT = Pattern.compile("^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\\.[0-9_]*)?$");
    private static final Pattern DATE = Pattern.compile("^(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern TIME_WITH_ZONE = Pattern.compile(
            "^[Tt](\\d{1,2}):(\\d{1,2}):(\\d{1,2})(?:[.,]\\d+)?(?:Z|[+-](\\d{2}):(\\d{2}))$");
    private static final Pattern TIME_NO_ZONE = Pattern.compile("^ (\\d{1,2}):(\\d{1,2}):(\\d{1,2})(?:[.,]\\d+)?$");

    private YamlResolver() {
    }

    /** The tag yaml.v2's {@code resolve("", s)} gives a plain scalar. */
    static Tag resolve(String in) {
        char hint = in.isEmpty() ? 'N' : hint(in.charAt(0));
        if (hint == 0) {
            return Tag.STR;
        }
        if (TRUE.contains(in) || FALSE.contains(in)) {
            return Tag.BOOL;
        }
        if (NULLS.contains(in)) {
            return Tag.NULL;
        }
        if (SPECIAL_FLOATS.contains(in)) {
            return Tag.FLOAT;
        }
        if (in.equals("<<")) {
            return Tag.MERGE;
        }
        switch (hint) {
            case '.':
                return parsesAsFloat(in) ? Tag.FLOAT : Tag.STR;
            case 'D':
            case 'S': {
                if (isTimestamp(in)) {
                    return Tag.TIMESTAMP;
                }
                String plain = in.replace("_", "");
                if (parsesAsInt(plain)) {
                    return Tag.INT;
                }
                if (YAML_STYLE_FLOAT.matcher(plain).matches() && parsesAsFloat(plain)) {
                    return Tag.FLOAT;
                }
                if (plain.startsWith("0b") && isBinary(plain.substring(2))) {
                    return Tag.INT;
                }
                if (plain.startsWith("-0b") && isBinary(plain.substring(3))) {
                    return Tag.INT;
                }
                return Tag.STR;
            }
            default:
                return Tag.STR;
        }
    }

    static boolean isBase60Float(String s) {
        if (s.isEmpty()) {
            return false;
        }
        char c = s.charAt(0);
        if (!(c == '+' || c == '-' || c >= '0' && c <= '9') || s.indexOf(':') < 0) {
            return false;
        }
        return BASE60_FLOAT.matcher(s).matches();
    }

    private static char hint(char c) {
        if (c == '+' || c == '-') {
            return 'S';
        }
        if (c >= '0' && c <= '9') {
            return 'D';
        }
        if ("yYnNtTfFoO~".indexOf(c) >= 0) {
            return 'M';
        }
        if (c == '.') {
            return '.';
        }
        return 0;
    }

    /** strconv.ParseInt(s, 0, 64) or ParseUint(s, 0, 64) succeeds (underscores already removed). */
    private static boolean parsesAsInt(String s) {
        String body = s;
        boolean signed = false;
        if (!body.isEmpty() && (body.charAt(0) == '+' || body.charAt(0) == '-')) {
            signed = true;
            body = body.substring(1);
        }
        if (body.isEmpty()) {
            return false;
        }
        int base = 10;
        int i = 0;
        if (body.charAt(0) == '0' && body.length() > 1) {
            char p = (char) (body.charAt(1) | 0x20);
            if (p == 'x' || p == 'o' || p == 'b') {
                if (body.length() < 3) {
                    return false;
                }
                base = p == 'x' ? 16 : p == 'o' ? 8 : 2;
                i = 2;
            } else {
                base = 8;
                i = 1;
            }
        }
        java.math.BigInteger value;
        String digits = body.substring(i);
        for (int k = 0; k < digits.length(); k++) {
            if (Character.digit(digits.charAt(k), base) < 0 || digits.charAt(k) >= 0x80) {
                return false;
            }
        }
        value = new java.math.BigInteger(digits, base);
        if (signed) {
            // ParseInt takes the sign; ParseUint, the fallback, takes none.
            return value.bitLength() <= 63 || s.charAt(0) == '-' && value.equals(java.math.BigInteger.ONE.shiftLeft(63));
        }
        return value.bitLength() <= 64; // int64, or uint64 when not signed
    }

    private static boolean isBinary(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) != '0' && s.charAt(i) != '1') {
                return false;
            }
        }
        return s.length() <= 64;
    }

    private static boolean parsesAsFloat(String s) {
        // yaml.v2 calls strconv.ParseFloat; plain decimal and exponent forms are what reach here.
        if (!YAML_STYLE_FLOAT.matcher(s.replace("_", "")).matches() && !s.matches("^[-+]?(?i:inf|infinity|nan)$")) {
            return false;
        }
        try {
            double d = Double.parseDouble(s.replace("_", ""));
            return !Double.isInfinite(d) || s.toLowerCase(java.util.Locale.ROOT).contains("inf");
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** yaml.v2's parseTimestamp: four digits and '-', then one of its four time.Parse layouts. */
    static boolean isTimestamp(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        if (i != 4 || i == s.length() || s.charAt(i) != '-') {
            return false;
        }
        var date = DATE.matcher(s);
        if (!date.find()) {
            return false;
        }
        int year = Integer.parseInt(date.group(1));
        int month = Integer.parseInt(date.group(2));
        int day = Integer.parseInt(date.group(3));
        if (month < 1 || month > 12 || day < 1 || day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
            return false;
        }
        String rest = s.substring(date.end());
        if (rest.isEmpty()) {
            return true;
        }
        var withZone = TIME_WITH_ZONE.matcher(rest);
        if (withZone.matches()) {
            return validClock(withZone.group(1), withZone.group(2), withZone.group(3))
                    && (withZone.group(4) == null
                            || Integer.parseInt(withZone.group(4)) <= 24 && Integer.parseInt(withZone.group(5)) < 60);
        }
        var noZone = TIME_NO_ZONE.matcher(rest);
        return noZone.matches() && validClock(noZone.group(1), noZone.group(2), noZone.group(3));
    }

    private static boolean validClock(String h, String m, String s) {
        return Integer.parseInt(h) < 24 && Integer.parseInt(m) < 60 && Integer.parseInt(s) < 60;
    }
}
