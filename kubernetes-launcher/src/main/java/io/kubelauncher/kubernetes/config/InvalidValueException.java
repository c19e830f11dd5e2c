package io.kubelauncher.kubernetes.config;

/** A single value did not parse; the reader adds the origin and the setting name. */
final class InvalidValueException extends Exception {

    InvalidValueException(String message) {
        super(message);
    }
}
