package io.kubelauncher.api.runtime;

import io.kubelauncher.api.model.OutputType;
import io.kubelauncher.api.plugin.ErrorCode;
import io.kubelauncher.api.plugin.OutputSink;
import io.kubelauncher.api.plugin.StreamHandle;
import io.kubelauncher.api.protocol.Response;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The output streams (spec 6.6, 8.3): one per request, numbered from 1, ended by exactly one
 * {@code complete: true} message or one Error, or silently by a cancel. Chunks are split so that no
 * frame exceeds the maximum, and unpaired surrogates become U+FFFD so every chunk is valid UTF-8.
 */
final class OutputHub {

    private static final Logger log = LoggerFactory.getLogger(OutputHub.class);

    private final ConcurrentMap<Long, Stream> streams = new ConcurrentHashMap<>();
    private final Outbox writer;
    private final int maxChunkChars;

    OutputHub(Outbox writer, long maxMessageSize) {
        this.writer = writer;
        // a char may take six bytes escaped (\\u001f); leave room for the envelope
        this.maxChunkChars = (int) Math.max(1, (maxMessageSize - 256) / 6);
    }

    /** @return false if a stream with this request id is already open (the request is ignored) */
    boolean register(long requestId) {
        return streams.putIfAbsent(requestId, new Stream(requestId)) == null;
    }

    void cancel(long requestId) {
        Stream stream = streams.remove(requestId);
        if (stream != null) {
            stream.cancelled();
        }
    }

    /** The sink of a registered stream, or null if it was cancelled meanwhile. */
    Stream stream(long requestId) {
        return streams.get(requestId);
    }

    void fail(long requestId, ErrorCode code, String message) {
        Stream stream = streams.get(requestId);
        if (stream != null) {
            stream.fail(code, message);
        }
    }

    void closeAll() {
        for (Long requestId : streams.keySet()) {
            cancel(requestId);
        }
    }

    final class Stream implements OutputSink {
        private final long requestId;
        private long seq;
        private boolean ended;
        private boolean cancelled;
        private StreamHandle handle;

        Stream(long requestId) {
            this.requestId = requestId;
        }

        @Override
        public void output(String text, OutputType type) {
            if (text == null || text.isEmpty()) {
                return;
            }
            OutputType tag = type == null ? OutputType.MIXED : type;
            synchronized (this) {
                if (ended || cancelled) {
                    return;
                }
                int start = 0;
                while (start < text.length()) {
                    int end = Math.min(text.length(), start + maxChunkChars);
                    if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1)) && end - 1 > start) {
                        end--;
                    }
                    writer.send(new Response.JobOutput(requestId, ++seq, wellFormed(text, start, end), tag, false));
                    start = end;
                }
            }
        }

        @Override
        public void complete() {
            synchronized (this) {
                if (ended || cancelled) {
                    return;
                }
                ended = true;
                writer.send(Response.JobOutput.last(requestId, ++seq));
            }
            streams.remove(requestId, this);
        }

        @Override
        public void fail(ErrorCode code, String message) {
            synchronized (this) {
                if (ended || cancelled) {
                    return;
                }
                ended = true;
                writer.send(new Response.Error(requestId, code, message));
            }
            streams.remove(requestId, this);
        }

        @Override
        public synchronized boolean isClosed() {
            return ended || cancelled;
        }

        void attach(StreamHandle h) {
            boolean cancelNow;
            synchronized (this) {
                cancelNow = cancelled;
                if (!cancelNow) {
                    handle = h;
                }
            }
            if (cancelNow) {
                cancelQuietly(h);
            }
        }

        void cancelled() {
            StreamHandle h;
            synchronized (this) {
                if (cancelled) {
                    return;
                }
                cancelled = true;
                h = handle;
                handle = null;
            }
            if (h != null) {
                cancelQuietly(h);
            }
        }

        private void cancelQuietly(StreamHandle h) {
            try {
                h.cancel();
            } catch (RuntimeException e) {
                log.warn("cancelling output stream {} failed", requestId, e);
            }
        }
    }

    /** The slice with unpaired surrogates replaced, so that it encodes as valid UTF-8. */
    static String wellFormed(String text, int start, int end) {
        StringBuilder out = null;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            boolean bad;
            if (Character.isHighSurrogate(c)) {
                bad = i + 1 >= end || !Character.isLowSurrogate(text.charAt(i + 1));
                if (!bad) {
                    if (out != null) {
                        out.append(c).append(text.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
            } else {
                bad = Character.isLowSurrogate(c);
            }
            if (bad && out == null) {
                out = new StringBuilder(end - start).append(text, start, i);
            }
            if (out != null) {
                out.append(bad ? '\uFFFD' : c);
            }
        }
        return out == null ? text.substring(start, end) : out.toString();
    }
}
