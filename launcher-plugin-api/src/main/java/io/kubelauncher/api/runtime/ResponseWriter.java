package io.kubelauncher.api.runtime;

import io.kubelauncher.api.frame.FrameEncoder;
import io.kubelauncher.api.plugin.ErrorCode;
import io.kubelauncher.api.protocol.Response;
import io.kubelauncher.api.protocol.ResponseSerializer;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only writer of stdout (spec 1.5). Responses are queued by any thread and written by one
 * thread, which takes the {@code responseId} as each response reaches the wire, so ids on the wire
 * are strictly increasing (spec 3.2). The queue holds finished responses only, never work, so a
 * heartbeat waits at most for the frames ahead of it to be written. A response that would exceed
 * the maximum frame size is replaced by an Error for its request (spec 16.12).
 */
final class ResponseWriter implements Outbox {

    private static final Logger log = LoggerFactory.getLogger(ResponseWriter.class);

    /** A queue entry: a response, or (null) the signal to stop after what is queued before it. */
    private record Entry(Response response) {
    }

    private static final Entry STOP = new Entry(null);

    private final BlockingQueue<Entry> queue = new LinkedBlockingQueue<>();
    private final OutputStream out;
    private final ResponseSerializer serializer;
    private final long maxPayload;
    private final Runnable onBrokenOutput;
    private final Thread thread;
    private final FrameEncoder frame = new FrameEncoder(16 * 1024);
    private long nextResponseId;
    private volatile boolean accepting = true;

    ResponseWriter(OutputStream out, ResponseSerializer serializer, long maxPayload, ThreadFactory threads,
                   Runnable onBrokenOutput) {
        this.out = out;
        this.serializer = serializer;
        this.maxPayload = maxPayload;
        this.onBrokenOutput = onBrokenOutput;
        this.thread = threads.newThread(this::loop);
        this.thread.setName("launcher-stdout-writer");
    }

    void start() {
        thread.start();
    }

    @Override
    public void send(Response response) {
        if (accepting) {
            queue.add(new Entry(response));
        }
    }

    /** Writes what is queued, then stops; waits at most {@code timeout}. */
    void close(Duration timeout) {
        accepting = false;
        queue.add(STOP);
        try {
            thread.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop() {
        try {
            while (true) {
                Entry entry = queue.poll();
                if (entry == null) {
                    out.flush();
                    entry = queue.take();
                }
                if (entry == STOP) {
                    out.flush();
                    return;
                }
                write(entry.response());
            }
        } catch (IOException e) {
            log.error("stdout is broken ({}); shutting down", e.toString());
            accepting = false;
            onBrokenOutput.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void write(Response response) throws IOException {
        Response toWrite = response;
        if (!encode(toWrite)) {
            toWrite = new Response.Error(response.requestId(), ErrorCode.UNKNOWN,
                    "the plugin could not encode its answer to this request; see the plugin log");
            encode(toWrite);
        } else if (frame.payloadLength() > maxPayload) {
            log.error("{} response to request {} is {} bytes, over max-message-size {}; answering with an error",
                    response.type(), response.requestId(), frame.payloadLength(), maxPayload);
            if (response.requestId() == 0) {
                return;
            }
            toWrite = new Response.Error(response.requestId(), ErrorCode.UNKNOWN, "the answer would be "
                    + frame.payloadLength() + " bytes, more than max-message-size (" + maxPayload
                    + "); ask for fewer jobs or fields");
            encode(toWrite);
        }
        frame.writeFrameTo(out);
        if (toWrite.countsResponseId()) {
            nextResponseId++;
        }
    }

    private boolean encode(Response response) {
        frame.reset();
        try {
            serializer.write(response, nextResponseId, frame);
            return true;
        } catch (RuntimeException e) {
            log.error("could not encode {} response to request {}", response.type(), response.requestId(), e);
            return false;
        }
    }
}
