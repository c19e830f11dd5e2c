package io.kubelauncher.kubernetes.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Layout;
import ch.qos.logback.core.LayoutBase;

/**
 * Redacts the whole formatted line, after the delegate layout has put message, arguments, MDC and
 * stack trace (with every cause's message) together, so no part of an event can carry a secret out.
 */
final class RedactingLayout extends LayoutBase<ILoggingEvent> {

    private final Layout<ILoggingEvent> delegate;
    private final SecretRedactor redactor;

    RedactingLayout(Layout<ILoggingEvent> delegate, SecretRedactor redactor) {
        this.delegate = delegate;
        this.redactor = redactor;
    }

    @Override
    public String doLayout(ILoggingEvent event) {
        return redactor.redact(delegate.doLayout(event));
    }
}
