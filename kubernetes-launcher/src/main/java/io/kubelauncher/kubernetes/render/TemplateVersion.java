package io.kubelauncher.kubernetes.render;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code # Version: X.Y.Z} comment every template starts with. Since Launcher 2.6.0 it follows
 * semantic versioning: a template is usable when its major version is ours; "2" alone means 2.0.0.
 */
public record TemplateVersion(int major, int minor, int patch) {

    /** The version of the templates this plugin generates, and the major it accepts. */
    public static final TemplateVersion CURRENT = new TemplateVersion(2, 5, 0);

    private static final Pattern COMMENT = Pattern.compile("^#\\s*Version:\\s*(\\S+)\\s*$");
    private static final Pattern SEMVER = Pattern.compile("^v?(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?(?:[-+].*)?$");

    /** The version in a template's first line, if that line is a version comment. */
    public static Optional<String> declared(String template) {
        String first = template.lines().findFirst().orElse("");
        Matcher m = COMMENT.matcher(first.strip());
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** @throws IllegalArgumentException when the text is not a version */
    public static TemplateVersion parse(String text) {
        Matcher m = SEMVER.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("\"" + text + "\" is not a version (expected MAJOR.MINOR.PATCH, e.g. " + CURRENT + ")");
        }
        return new TemplateVersion(Integer.parseInt(m.group(1)), m.group(2) == null ? 0 : Integer.parseInt(m.group(2)),
                m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
    }

    public boolean compatibleWith(TemplateVersion required) {
        return major == required.major;
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
