package io.kubelauncher.kubernetes.admin;

import java.util.Objects;

/**
 * One finding of template validation, located in the administrator's template file.
 *
 * @param file the template file name as it sits in the scratch path (e.g. {@code job.tpl})
 * @param line 1-based line in that file; 0 when the finding concerns the file as a whole
 * @param check which of the admin guide's checks found it
 * @param message what is wrong, phrased so an administrator can fix it
 */
public record TemplateProblem(String file, int line, Check check, String message) {

    /** The admin guide's validation checks, in the order the guide lists them. */
    public enum Check {
        VERSION("template version"),
        SYNTAX("functions and syntax"),
        YAML("valid YAML"),
        WHITESPACE("white space around the YAML object"),
        REQUIRED("required piece"),
        HARD_CODED("hard-coded value");

        private final String title;

        Check(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    public TemplateProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(message, "message");
        if (line < 0) {
            throw new IllegalArgumentException("line must be >= 0: " + line);
        }
    }

    /** {@code FILE:LINE: [check] message}, the form compilers use, so editors can jump to it. */
    @Override
    public String toString() {
        String where = line > 0 ? file + ":" + line : file;
        return where + ": [" + check.title() + "] " + message;
    }
}
