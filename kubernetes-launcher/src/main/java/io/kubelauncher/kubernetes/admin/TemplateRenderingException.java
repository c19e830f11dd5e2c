package io.kubelauncher.kubernetes.admin;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A template that does not parse, or whose execution fails, with where it happened. */
public final class TemplateRenderingException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Go's error prefixes: {@code template: NAME:LINE: ...} and {@code template: NAME:LINE:COL: ...}. */
    private static final Pattern GO_LOCATION = Pattern.compile("template: ([^:\\s]+):(\\d+)(?::\\d+)?: ");

    private final String file;
    private final int line;

    /**
     * @param file the template file the error is in
     * @param line 1-based line, or 0 when unknown
     */
    public TemplateRenderingException(String file, int line, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
        this.line = line;
    }

    /**
     * Builds the exception from a Go-style template error message, taking the file and line from
     * its {@code template: NAME:LINE:} prefix when present ({@code fallbackFile} otherwise).
     */
    public static TemplateRenderingException fromGoMessage(String fallbackFile, String message, Throwable cause) {
        Matcher m = GO_LOCATION.matcher(message == null ? "" : message);
        if (m.find()) {
            return new TemplateRenderingException(m.group(1), Integer.parseInt(m.group(2)), message, cause);
        }
        return new TemplateRenderingException(fallbackFile, 0, message, cause);
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }
}
