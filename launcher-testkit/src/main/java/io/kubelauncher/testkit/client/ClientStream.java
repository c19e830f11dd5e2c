package io.kubelauncher.testkit.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A stream the client opened (status, output or resource utilisation): the messages addressed to
 * its request id, in arrival order, and the way to cancel it as the Launcher does.
 */
public final class ClientStream {

    private final LauncherClient client;
    private final int requestType;
    private final long requestId;
    private final String username;
    private final String jobId;
    private final BlockingQueue<Message> inbox;
    private final List<Message> received = new ArrayList<>();

    ClientStream(LauncherClient client, int requestType, long requestId, String username, String jobId,
                 BlockingQueue<Message> inbox) {
        this.client = client;
        this.requestType = requestType;
        this.requestId = requestId;
        this.username = username;
        this.jobId = jobId;
        this.inbox = inbox;
    }

    public long requestId() {
        return requestId;
    }

    /** The next message for this stream, waiting at most {@code timeout}. */
    public Optional<Message> next(Duration timeout) {
        try {
            Message message = inbox.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
            if (message != null) {
                synchronized (received) {
                    received.add(message);
                }
            }
            return Optional.ofNullable(message);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The next message, or an AssertionError naming the stream if none comes in time. */
    public Message expectNext(Duration timeout) {
        return next(timeout).orElseThrow(() -> new AssertionError("no message for stream " + requestId
                + " (type " + requestType + ", job " + jobId + ") within " + timeout
                + "; plugin stderr:\n" + client.stderr()));
    }

    /**
     * Reads until a message with {@code complete: true} or an Error arrives; returns every message
     * read, the last one included.
     */
    public List<Message> readToEnd(Duration timeoutPerMessage) {
        List<Message> messages = new ArrayList<>();
        while (true) {
            Message message = expectNext(timeoutPerMessage);
            messages.add(message);
            if (message.isError() || message.json().path("complete").asBoolean(false)) {
                return messages;
            }
        }
    }

    /** Messages already waiting, without blocking. */
    public List<Message> drain() {
        List<Message> messages = new ArrayList<>();
        inbox.drainTo(messages);
        synchronized (received) {
            received.addAll(messages);
        }
        return messages;
    }

    /** Sends the cancel request: same type, same request id, {@code cancel: true}. */
    public void cancel() {
        client.sendCancel(requestType, requestId, username, jobId);
    }
}
