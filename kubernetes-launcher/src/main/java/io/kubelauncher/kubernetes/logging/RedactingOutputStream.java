package io.kubelauncher.kubernetes.logging;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Buffers bytes up to each line end, then writes the redacted line: a secret is only recognisable
 * once it is whole, and a line is the unit every writer of stderr ends with.
 */
final class RedactingOutputStream extends OutputStream {

    private final PrintStream target;
    private final SecretRedactor redactor;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    RedactingOutputStream(PrintStream target, SecretRedactor redactor) {
        this.target = target;
        this.redactor = redactor;
    }

    @Override
    public synchronized void write(int b) {
        line.write(b);
        if (b == '\n') {
            emit();
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        for (int k = offset; k < offset + length; k++) {
            write(bytes[k]);
        }
    }

    /** Flushing pushes out a partial line too: a prompt or a progress line must not wait. */
    @Override
    public synchronized void flush() {
        emit();
        target.flush();
    }

    @Override
    public synchronized void close() {
        flush();
    }

    private void emit() {
        if (line.size() == 0) {
            return;
        }
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        target.print(redactor.redact(text));
    }
}
