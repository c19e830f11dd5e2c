package io.kubelauncher.kubernetes.source;

import io.kubelauncher.kubernetes.translate.Timestamps;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Receives a pod log requested with {@code timestamps=true} ("2026-11-27T18:00:00.123456789Z text"),
 * passes on the text of whole lines, and remembers the last line's time so that a follow that broke
 * can resume with {@code sinceTime} without repeating lines: {@code sinceTime} has second precision,
 * so lines of that second already delivered are skipped on the next connection.
 */
final class TimestampedLines extends OutputStream {

    private final Consumer<String> out;
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private Instant last;
    private int deliveredAtLast;
    private Instant skipUntil;
    private int skipAtLast;

    TimestampedLines(Consumer<String> out) {
        this.out = out;
    }

    /** Prepares for a new connection whose log starts at the second of the last delivered line. */
    synchronized Optional<Instant> resumeFrom() {
        partial.reset();
        skipUntil = last;
        skipAtLast = deliveredAtLast;
        return Optional.ofNullable(last);
    }

    @Override
    public synchronized void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        StringBuilder text = new StringBuilder();
        for (int i = off; i < off + len; i++) {
            partial.write(b[i]);
            if (b[i] == '\n') {
                line(partial.toString(StandardCharsets.UTF_8), text);
                partial.reset();
            }
        }
        if (!text.isEmpty()) {
            out.accept(text.toString());
        }
    }

    /** The connection ended: a last line without a newline is still output. */
    synchronized void finish() {
        if (partial.size() > 0) {
            StringBuilder text = new StringBuilder();
            line(partial.toString(StandardCharsets.UTF_8), text);
            partial.reset();
            if (!text.isEmpty()) {
                out.accept(text.toString());
            }
        }
    }

    private void line(String raw, StringBuilder text) {
        int space = raw.indexOf(' ');
        Optional<Instant> at = space > 0 ? Timestamps.parse(raw.substring(0, space)) : Optional.empty();
        if (at.isEmpty()) {
            text.append(raw);
            return;
        }
        Instant t = at.get();
        if (skipUntil != null) {
            if (t.isBefore(skipUntil)) {
                return;
            }
            if (t.equals(skipUntil) && skipAtLast > 0) {
                skipAtLast--;
                return;
            }
            skipUntil = null;
        }
        if (t.equals(last)) {
            deliveredAtLast++;
        } else {
            last = t;
            deliveredAtLast = 1;
        }
        text.append(raw, space + 1, raw.length());
    }
}
