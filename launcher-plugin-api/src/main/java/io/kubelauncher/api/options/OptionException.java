package io.kubelauncher.api.options;

/**
 * An option that cannot be used; the message starts with where it was given
 * ({@code FILE:LINE} or {@code command line --NAME}). Start-up fails with exit code 1 (spec 2.6).
 */
public final class OptionException extends RuntimeException {
    public OptionException(String message) {
        super(message);
    }
}
