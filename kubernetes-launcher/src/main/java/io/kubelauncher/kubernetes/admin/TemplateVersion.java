package io.kubelauncher.kubernetes.admin;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code # Version: X.Y.Z} comment every template starts with, compared by Semantic Versioning. */
record TemplateVersion(int major, int minor, int patch) implements Comparable<TemplateVersion> {

    private static final Pattern COMMENT = Pattern.compile("\\A#\\s*Version:\\s*(\\S+)");
    private static final Pattern NUMBER = Pattern.compile("(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?");

    static TemplateVersion parse(String text) {
        Matcher m = NUMBER.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a version: " + text);
        }
        return new TemplateVersion(Integer.parseInt(m.group(1)),
                m.group(2) == null ? 0 : Integer.parseInt(m.group(2)),
                m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
    }

    /** The raw version text of a template's first line, if it has the comment. */
    static Optional<String> commentOf(String template) {
        Matcher m = COMMENT.matcher(template);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** Same major version, and not older than {@code required}. */
    boolean satisfies(TemplateVersion required) {
        return major == required.major && compareTo(required) >= 0;
    }

    @Override
    public int compareTo(TemplateVersion o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) {
            c = Integer.compare(minor, o.minor);
        }
        return c != 0 ? c : Integer.compare(patch, o.patch);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
