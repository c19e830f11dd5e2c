package io.kubelauncher.gotemplate.parse;

/** A template that does not parse; the message is Go's, e.g. {@code template: main.tpl:2: function "nope" not defined}. */
public final class ParseException extends Exception {

    private static final long serialVersionUID = 1L;

    public ParseException(String goMessage) {
        super(goMessage, null, false, false);
    }
}
