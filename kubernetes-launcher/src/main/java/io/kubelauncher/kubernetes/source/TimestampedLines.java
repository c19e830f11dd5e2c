package io.kubelauncher.kubernetes.source;

import io.kubelauncher.kubernetes.translate.Timestamps;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Receives a pod log requested with {@code timestamps=true} ("2026-11-27T18:00:00.123456789Z text"),
 * passes on the text of whole lines, and remembers the last line's time so that a follow that broke
 * can resume with {@code sinceTime} without repeating lines: {@code sinceTime} has second precision,
 * so records of that second already delivered are skipped on the next connection. A line the kubelet
 * logged in several partial records carries their time stamps inside it; they are removed.
 */
final class TimestampedLines extends OutputStream {

    /** A kubelet (RFC 3339, UTC, up to nanoseconds) time stamp and its space, as it starts a log record. */
    private static final Pattern RECORD_TIME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,9})?Z) ");
    private static final Duration MAX_PARTIAL_GAP = Duration.ofMinutes(1);

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
        StringBuilder text = new StringBuilder(len);
        int start = off;
        for (int i = off; i < off + len; i++) {
            if (b[i] == '\n') {
                if (partial.size() == 0) {
                    line(new String(b, start, i + 1 - start, StandardCharsets.UTF_8), text);
                } else {
                    partial.write(b, start, i + 1 - start);
                    line(partial.toString(StandardCharsets.UTF_8), text);
                    partial.reset();
                }
                start = i + 1;
            }
        }
        partial.write(b, start, off + len - start);
        if (!text.isEmpty()) {
            out.accept(text.toString());
        }
    }

    /**
     * The log ended cleanly (the container is done): a last line without a newline is still output.
     * Not after a broken connection, where the partial line is the head of a line the next
     * connection repeats in full.
     */
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

    /**
     * One line of the log: its first record's time, then the record's text, and after a partial record
     * (the kubelet splits a line longer than 16 KiB, or one the process left unfinished, into several)
     * the next record's time in the middle of the line. Those are cut out: a time stamp in the form the
     * kubelet writes, followed by a space, no earlier than the record before it and at most a minute
     * after, marks a record boundary (text that happens to look exactly like that is the price).
     */
    private void line(String raw, StringBuilder text) {
        int space = raw.indexOf(' ');
        Optional<Instant> at = space > 0 ? Timestamps.parse(raw.substring(0, space)) : Optional.empty();
        if (at.isEmpty()) {
            text.append(raw);
            return;
        }
        Instant time = at.get();
        int from = space + 1;
        Matcher next = RECORD_TIME.matcher(raw);
        int searchFrom = from;
        while (next.find(searchFrom)) {
            Optional<Instant> boundary = Timestamps.parse(next.group(1));
            if (boundary.isPresent() && !boundary.get().isBefore(time) && !boundary.get().isAfter(time.plus(MAX_PARTIAL_GAP))) {
                record(time, raw, from, next.start(), text);
                time = boundary.get();
                from = next.end();
            }
            searchFrom = next.start() + 1;
        }
        record(time, raw, from, raw.length(), text);
    }

    private void record(Instant t, String raw, int from, int to, StringBuilder text) {
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
        text.append(raw, from, to);
    }
}
