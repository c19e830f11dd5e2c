package io.kubelauncher.api.runtime;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * The process's real stdin and stdout, for the protocol. Claiming them points {@link System#out} at
 * stderr, so that a stray {@code println} or a console log appender can never corrupt the frame
 * stream (spec 1.1). Call it first thing in {@code main}, before any logging is set up.
 */
public record StandardStreams(InputStream in, OutputStream out) {

    @SuppressWarnings("resource")
    public static StandardStreams claim() {
        OutputStream protocolOut = new FileOutputStream(FileDescriptor.out);
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
        return new StandardStreams(new FileInputStream(FileDescriptor.in), protocolOut);
    }
}
