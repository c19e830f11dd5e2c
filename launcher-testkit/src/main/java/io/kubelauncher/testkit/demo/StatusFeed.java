package io.kubelauncher.testkit.demo;

import io.kubelauncher.testkit.client.ClientStream;
import io.kubelauncher.testkit.client.LauncherClient;
import io.kubelauncher.testkit.client.Message;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * The Launcher's one status stream for every job ({@code *} as user {@code *}, as the Launcher opens
 * it): prints each job's transitions the moment they arrive and keeps every job's history, so that
 * scenes can wait for a status without reading the stream themselves. Messages are taken on the
 * client's reader thread through {@link LauncherClient#onMessage}.
 */
final class StatusFeed {

    /** Response type of a Job Status stream message (spec 3.3). */
    private static final int JOB_STATUS = 3;

    private final Transcript transcript;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<String, List<StatusChange>> history = new HashMap<>();
    private ClientStream stream;

    StatusFeed(Transcript transcript) {
        this.transcript = transcript;
    }

    /** Opens the stream; from now on every status message is recorded and printed. */
    void open(LauncherClient client) {
        client.onMessage(this::accept);
        stream = client.statusStream("*", "*");
        transcript.ask("*", "Job Status stream for every job (request " + stream.requestId() + ")");
    }

    void close() {
        if (stream != null) {
            stream.cancel();
        }
    }

    private void accept(Message message) {
        if (message.messageType() != JOB_STATUS || stream == null || message.seqIdFor(stream.requestId()).isEmpty()) {
            return;
        }
        StatusChange change = new StatusChange(message.json().path("id").asString(""),
                message.json().path("name").asString(""), message.json().path("status").asString(""),
                message.json().path("statusMessage").asString(""), message.receivedAt());
        lock.lock();
        try {
            List<StatusChange> changes = history.computeIfAbsent(change.jobId(), id -> new ArrayList<>());
            StatusChange previous = changes.isEmpty() ? null : changes.get(changes.size() - 1);
            changes.add(change);
            changed.signalAll();
            if (previous == null || !previous.status().equals(change.status()) || !previous.message().equals(change.message())) {
                boolean moved = previous != null && !previous.status().equals(change.status());
                transcript.stream("status", "\"" + change.jobName() + "\" " + (moved ? previous.status() + " -> " : "")
                        + change.status() + (change.message().isEmpty() ? "" : ": " + change.message()));
            }
        } finally {
            lock.unlock();
        }
    }

    /** Waits until the job reports a status matching {@code wanted}; a terminal status that does not match ends the wait. */
    StatusChange await(String jobId, String description, Predicate<StatusChange> wanted, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (true) {
                List<StatusChange> changes = history.getOrDefault(jobId, List.of());
                Optional<StatusChange> match = changes.stream().filter(wanted).findFirst();
                if (match.isPresent()) {
                    return match.get();
                }
                Optional<StatusChange> terminal = changes.stream().filter(StatusFeed::isTerminal).findFirst();
                if (terminal.isPresent()) {
                    throw new DemoFailure("job " + jobId + " ended " + terminal.get() + " instead of " + description
                            + "; statuses seen: " + changes);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new DemoFailure("no " + description + " for job " + jobId + " within " + timeout.toSeconds()
                            + " s; statuses seen: " + changes);
                }
                changed.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoFailure("interrupted while waiting for " + description + " of job " + jobId);
        } finally {
            lock.unlock();
        }
    }

    StatusChange awaitStatus(String jobId, String status, Duration timeout) {
        return await(jobId, "status " + status, c -> c.status().equals(status), timeout);
    }

    /** Every job's backward step (see {@link StatusOrder}); empty when all went forward only. */
    List<String> regressions() {
        lock.lock();
        try {
            List<String> found = new ArrayList<>();
            history.values().forEach(changes -> found.addAll(StatusOrder.regressions(changes)));
            return found;
        } finally {
            lock.unlock();
        }
    }

    /** Every status the job reported so far, in order. */
    List<StatusChange> history(String jobId) {
        lock.lock();
        try {
            return List.copyOf(history.getOrDefault(jobId, List.of()));
        } finally {
            lock.unlock();
        }
    }

    private static boolean isTerminal(StatusChange change) {
        return StatusOrder.isTerminal(change.status());
    }
}
