package io.kubelauncher.kubernetes.render;

/** The templates in the scratch path cannot be used; the message names the file (and line). */
public final class TemplateLoadException extends Exception {

    public TemplateLoadException(String message) {
        super(message);
    }

    public TemplateLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
