package io.kubelauncher.gotemplate;

/**
 * A template set that does not parse, or a render that fails. The message is exactly Go's
 * {@code err.Error()}, e.g. {@code template: job.tpl:3: function "nope" not defined}.
 */
public final class TemplateException extends Exception {

    private static final long serialVersionUID = 1L;

    /** When the error happened. */
    public enum Phase { PARSE, EXECUTE }

    private final Phase phase;

    public TemplateException(Phase phase, String goMessage) {
        super(goMessage, null, false, false);
        this.phase = phase;
    }

    public Phase phase() {
        return phase;
    }
}
