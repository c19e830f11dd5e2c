package io.kubelauncher.testkit.demo;

/** A scene could not go on: what it waited for or asked did not happen. The message says what instead. */
final class DemoFailure extends RuntimeException {

    DemoFailure(String message) {
        super(message);
    }
}
