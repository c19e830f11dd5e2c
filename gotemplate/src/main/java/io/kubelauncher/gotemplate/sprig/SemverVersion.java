package io.kubelauncher.gotemplate.sprig;

import io.kubelauncher.gotemplate.encoding.JsonMarshaler;
import io.kubelauncher.gotemplate.function.GoValue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masterminds/semver v3's {@code *Version}: lenient parsing (a "v" prefix, missing minor or patch),
 * SemVer 2 precedence, printing in canonical form.
 */
public record SemverVersion(long major, long minor, long patch, String pre, String metadata, String original)
        implements GoValue, JsonMarshaler, Comparable<SemverVersion> {

    private static final String NUM = "0123456789";
    private static final String ALLOWED = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-" + NUM;
    private static final Pattern VERSION = Pattern.compile("^v?([0-9]+)(\\.[0-9]+)?(\\.[0-9]+)?"
            + "(-([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?(\\+([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?\\z");

    /** A semver error with the library's text. */
    static final class SemverException extends Exception {
        private static final long serialVersionUID = 1L;

        SemverException(String message) {
            super(message, null, false, false);
        }
    }

    /** semver.NewVersion. */
    static SemverVersion parse(String v) throws SemverException {
        Matcher m = VERSION.matcher(v);
        if (!m.matches()) {
            throw new SemverException("Invalid Semantic Version");
        }
        long major = segment(m.group(1));
        long minor = m.group(2) == null ? 0 : segment(m.group(2).substring(1));
        long patch = m.group(3) == null ? 0 : segment(m.group(3).substring(1));
        String pre = m.group(5) == null ? "" : m.group(5);
        String metadata = m.group(8) == null ? "" : m.group(8);
        if (!pre.isEmpty()) {
            for (String p : pre.split("\\.", -1)) {
                if (containsOnly(p, NUM)) {
                    if (p.length() > 1 && p.charAt(0) == '0') {
                        throw new SemverException("Version segment starts with 0");
                    }
                } else if (!containsOnly(p, ALLOWED)) {
                    throw new SemverException("Invalid Prerelease string");
                }
            }
        }
        if (!metadata.isEmpty()) {
            for (String p : metadata.split("\\.", -1)) {
                if (!containsOnly(p, ALLOWED)) {
                    throw new SemverException("Invalid Metadata string");
                }
            }
        }
        return new SemverVersion(major, minor, patch, pre, metadata, v);
    }

    private static long segment(String digits) throws SemverException {
        try {
            return Long.parseUnsignedLong(digits);
        } catch (NumberFormatException e) {
            throw new SemverException("Error parsing version segment: strconv.ParseUint: parsing "
                    + io.kubelauncher.gotemplate.format.GoStrconv.quote(digits) + ": value out of range");
        }
    }

    private static boolean containsOnly(String s, String allowed) {
        for (int i = 0; i < s.length(); i++) {
            if (allowed.indexOf(s.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int compareTo(SemverVersion o) {
        int d = Long.compareUnsigned(major, o.major);
        if (d == 0) {
            d = Long.compareUnsigned(minor, o.minor);
        }
        if (d == 0) {
            d = Long.compareUnsigned(patch, o.patch);
        }
        if (d != 0) {
            return Integer.signum(d);
        }
        if (pre.isEmpty() && o.pre.isEmpty()) {
            return 0;
        }
        if (pre.isEmpty()) {
            return 1;
        }
        if (o.pre.isEmpty()) {
            return -1;
        }
        return comparePrerelease(pre, o.pre);
    }

    static int comparePrerelease(String v, String o) {
        List<String> s = List.of(v.split("\\.", -1));
        List<String> t = List.of(o.split("\\.", -1));
        int l = Math.max(s.size(), t.size());
        for (int i = 0; i < l; i++) {
            int d = comparePart(i < s.size() ? s.get(i) : "", i < t.size() ? t.get(i) : "");
            if (d != 0) {
                return d;
            }
        }
        return 0;
    }

    private static int comparePart(String s, String o) {
        if (s.equals(o)) {
            return 0;
        }
        if (s.isEmpty()) {
            return -1;
        }
        if (o.isEmpty()) {
            return 1;
        }
        Long oi = unsigned(o);
        Long si = unsigned(s);
        if (oi == null && si == null) {
            return s.compareTo(o) > 0 ? 1 : -1;
        } else if (oi == null) {
            return -1;
        } else if (si == null) {
            return 1;
        }
        return Long.compareUnsigned(si, oi) > 0 ? 1 : -1;
    }

    private static Long unsigned(String s) {
        if (s.isEmpty() || !containsOnly(s, NUM)) {
            return null;
        }
        try {
            return Long.parseUnsignedLong(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public String goTypeName() {
        return "*semver.Version";
    }

    @Override
    public String goString() {
        StringBuilder b = new StringBuilder();
        b.append(Long.toUnsignedString(major)).append('.').append(Long.toUnsignedString(minor)).append('.')
                .append(Long.toUnsignedString(patch));
        if (!pre.isEmpty()) {
            b.append('-').append(pre);
        }
        if (!metadata.isEmpty()) {
            b.append('+').append(metadata);
        }
        return b.toString();
    }

    @Override
    public Object field(String name) throws NoSuchFieldException {
        return switch (name) {
            case "Major" -> major;
            case "Minor" -> minor;
            case "Patch" -> patch;
            case "Prerelease" -> pre;
            case "Metadata" -> metadata;
            case "Original" -> original;
            case "String" -> goString();
            default -> throw new NoSuchFieldException(name);
        };
    }

    @Override
    public Object toJsonValue() {
        return goString();
    }
}
