package io.kubelauncher.benchmarks;

import io.kubelauncher.testkit.client.Message;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Notes, on the client's reader thread, the {@link System#nanoTime()} at which the first Job Status
 * frame (type 3) announcing each (job, status) pair arrived, so that latencies are measured to the
 * moment the frame was read off the plugin's stdout, and waiters can block on a pair.
 */
final class StatusWatcher implements Consumer<Message> {

    private static final int JOB_STATUS = 3;

    private final Map<String, CompletableFuture<Long>> arrivals = new ConcurrentHashMap<>();

    @Override
    public void accept(Message message) {
        if (message.messageType() != JOB_STATUS) {
            return;
        }
        long now = System.nanoTime();
        future(message.get("id").asString(), message.get("status").asString()).complete(now);
    }

    /** When the first frame with this job and status arrived, waiting for it at most {@code timeout}. */
    long await(String jobId, String status, Duration timeout) throws InterruptedException {
        try {
            return future(jobId, status).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("no " + status + " frame for job " + jobId + " within " + timeout, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    boolean seen(String jobId, String status) {
        return future(jobId, status).isDone();
    }

    private CompletableFuture<Long> future(String jobId, String status) {
        return arrivals.computeIfAbsent(jobId + "\u0000" + status, k -> new CompletableFuture<>());
    }
}
