package io.kubelauncher.gotemplate.exec;

/**
 * A template execution error; the message is Go's, e.g.
 * {@code template: a.tpl:1:3: executing "a.tpl" at <.x.y>: nil pointer evaluating interface {}.y}.
 */
public final class ExecException extends Exception {

    private static final long serialVersionUID = 1L;

    public ExecException(String goMessage) {
        super(goMessage, null, false, false);
    }
}
