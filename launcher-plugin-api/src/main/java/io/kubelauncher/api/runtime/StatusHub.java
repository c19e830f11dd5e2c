package io.kubelauncher.api.runtime;

import io.kubelauncher.api.model.Job;
import io.kubelauncher.api.model.JobStatus;
import io.kubelauncher.api.plugin.ErrorCode;
import io.kubelauncher.api.plugin.JobStatusPublisher;
import io.kubelauncher.api.plugin.RequestUser;
import io.kubelauncher.api.protocol.Response;
import io.kubelauncher.api.protocol.StreamSequence;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The status streams (spec 6.4, 8.2): one multiplexed message per status change, carrying the
 * sequence of every open request that may see the job (its own job id, or {@code *} with a user who
 * sees the job). Remembers each job's last state so that repeated or older updates are not sent.
 *
 * <p>Opening is two steps: {@link #register} on the reader thread, in wire order with cancels, then
 * {@link #activate} on a worker once the job(s) are known; a cancel in between wins. All state is
 * guarded by one lock; sending only enqueues, and the hub never calls the job source, so a source
 * may publish while holding its own locks.
 */
final class StatusHub implements JobStatusPublisher {

    private record Known(String id, String name, String user, JobStatus status, String message, String code,
                         Instant lastUpdate) {
        static Known of(Job job) {
            return new Known(job.id(), job.name(), job.user(), job.status(), job.statusMessage(), job.statusCode(),
                    job.lastUpdateTime());
        }

        boolean sameStateAs(Known other) {
            return status == other.status && Objects.equals(nullToEmpty(message), nullToEmpty(other.message))
                    && Objects.equals(nullToEmpty(code), nullToEmpty(other.code));
        }

        boolean olderThan(Known other) {
            return lastUpdate != null && other.lastUpdate != null && lastUpdate.isBefore(other.lastUpdate);
        }

        private static String nullToEmpty(String s) {
            return s == null ? "" : s;
        }
    }

    private static final class Subscription {
        final long requestId;
        final RequestUser user;
        final String jobId;
        long seq;
        boolean active;

        Subscription(long requestId, RequestUser user, String jobId) {
            this.requestId = requestId;
            this.user = user;
            this.jobId = jobId;
        }

        boolean wants(Known job) {
            return (jobId.equals("*") || jobId.equals(job.id))
                    && (user.isAllUsers() || user.username().equals(job.user));
        }
    }

    private final Object lock = new Object();
    private final Map<Long, Subscription> subscriptions = new LinkedHashMap<>();
    private final Map<String, Known> known = new HashMap<>();
    private final Outbox writer;

    StatusHub(Outbox writer) {
        this.writer = writer;
    }

    /** @return false if a stream with this request id is already open (the request is ignored) */
    boolean register(long requestId, RequestUser user, String jobId) {
        synchronized (lock) {
            if (subscriptions.containsKey(requestId)) {
                return false;
            }
            subscriptions.put(requestId, new Subscription(requestId, user, jobId));
            return true;
        }
    }

    /** Cancel: no answer, and silently nothing if the request id is not open. */
    void cancel(long requestId) {
        synchronized (lock) {
            subscriptions.remove(requestId);
        }
    }

    /** The stream could not be opened: answer with an Error, unless it was cancelled meanwhile. */
    void fail(long requestId, ErrorCode code, String message) {
        synchronized (lock) {
            if (subscriptions.remove(requestId) != null) {
                writer.send(new Response.Error(requestId, code, message));
            }
        }
    }

    /**
     * Sends the opening request the current state of each job it may see (its one job, or every
     * visible job for {@code *}), then lets it receive changes.
     */
    void activate(long requestId, List<Job> current) {
        synchronized (lock) {
            for (Job job : current) {
                // what was published is at least as fresh as a snapshot taken before it
                if (!known.containsKey(job.id())) {
                    update(job);
                }
            }
            Subscription sub = subscriptions.get(requestId);
            if (sub == null || sub.active) {
                return;
            }
            Map<String, Known> initial = new LinkedHashMap<>();
            for (Job job : current) {
                Known state = known.get(job.id());
                initial.put(job.id(), state != null ? state : Known.of(job));
            }
            if (sub.jobId.equals("*")) {
                // jobs that arrived between the snapshot and now
                for (Known state : known.values()) {
                    if (sub.wants(state)) {
                        initial.putIfAbsent(state.id, state);
                    }
                }
            }
            for (Known state : initial.values()) {
                if (sub.wants(state)) {
                    writer.send(message(List.of(new StreamSequence(requestId, ++sub.seq)), state));
                }
            }
            sub.active = true;
        }
    }

    @Override
    public void jobChanged(Job job) {
        if (job == null || job.id() == null) {
            return;
        }
        synchronized (lock) {
            update(job);
        }
    }

    /**
     * A job just submitted: announced only if the source has not published it yet, since the source
     * may already have moved it on (a late Pending must not follow Running).
     */
    void jobSubmitted(Job job) {
        synchronized (lock) {
            if (!known.containsKey(job.id())) {
                update(job);
            }
        }
    }

    @Override
    public void jobRemoved(String jobId) {
        synchronized (lock) {
            known.remove(jobId);
        }
    }

    /** Shutdown: streams stop without a final message (spec 8.1). */
    void closeAll() {
        synchronized (lock) {
            subscriptions.clear();
        }
    }

    private void update(Job job) {
        Known next = Known.of(job);
        Known previous = known.get(job.id());
        if (previous != null) {
            boolean regress = previous.status != null && previous.status.isTerminal()
                    && (next.status == null || !next.status.isTerminal());
            if (next.sameStateAs(previous) || next.olderThan(previous) || regress) {
                return;
            }
        }
        known.put(job.id(), next);
        List<StreamSequence> sequences = new ArrayList<>();
        for (Subscription sub : subscriptions.values()) {
            if (sub.active && sub.wants(next)) {
                sequences.add(new StreamSequence(sub.requestId, ++sub.seq));
            }
        }
        if (!sequences.isEmpty()) {
            writer.send(message(sequences, next));
        }
    }

    private static Response message(List<StreamSequence> sequences, Known state) {
        return new Response.JobStatusUpdate(sequences, state.id, state.name, state.status, state.message, state.code);
    }
}
