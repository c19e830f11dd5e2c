package io.kubelauncher.api.runtime;

import io.kubelauncher.api.model.Job;
import io.kubelauncher.api.model.ResourceUtilisation;
import io.kubelauncher.api.plugin.ErrorCode;
import io.kubelauncher.api.plugin.JobSource;
import io.kubelauncher.api.plugin.PluginException;
import io.kubelauncher.api.plugin.ResourceSink;
import io.kubelauncher.api.plugin.StreamHandle;
import io.kubelauncher.api.protocol.Response;
import io.kubelauncher.api.protocol.StreamSequence;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The resource utilisation streams (spec 6.7, 8.2): one source stream per job, shared by every
 * request for it; each message carries the sequences of all its requests. The source stream is
 * started for the first request and cancelled when the last one leaves; when the job stops
 * running, every request gets one {@code complete: true} message.
 */
final class ResourceHub {

    private static final Logger log = LoggerFactory.getLogger(ResourceHub.class);

    private static final class Member {
        final long requestId;
        long seq;
        JobStream stream;

        Member(long requestId) {
            this.requestId = requestId;
        }
    }

    private final Object lock = new Object();
    private final Map<Long, Member> requests = new HashMap<>();
    private final Map<String, JobStream> streams = new HashMap<>();
    private final Outbox writer;

    ResourceHub(Outbox writer) {
        this.writer = writer;
    }

    /** @return false if a stream with this request id is already open (the request is ignored) */
    boolean register(long requestId) {
        synchronized (lock) {
            return requests.putIfAbsent(requestId, new Member(requestId)) == null;
        }
    }

    void cancel(long requestId) {
        StreamHandle toCancel = null;
        synchronized (lock) {
            Member member = requests.remove(requestId);
            if (member == null || member.stream == null) {
                return;
            }
            JobStream stream = member.stream;
            stream.members.remove(member);
            if (stream.members.isEmpty() && !stream.ended) {
                stream.ended = true;
                streams.remove(stream.jobId, stream);
                toCancel = stream.handle;
                stream.handle = null;
            }
        }
        cancelQuietly(toCancel);
    }

    void fail(long requestId, ErrorCode code, String message) {
        synchronized (lock) {
            Member member = requests.get(requestId);
            if (member != null && member.stream == null) {
                requests.remove(requestId);
                writer.send(new Response.Error(requestId, code, message));
            }
        }
    }

    /** Joins a registered request to the job's stream, starting the source stream if it is the first. */
    void join(long requestId, Job job, JobSource source) {
        JobStream toStart = null;
        synchronized (lock) {
            Member member = requests.get(requestId);
            if (member == null || member.stream != null) {
                return;
            }
            JobStream stream = streams.get(job.id());
            if (stream == null) {
                stream = new JobStream(job.id());
                streams.put(job.id(), stream);
                toStart = stream;
            }
            stream.members.add(member);
            member.stream = stream;
        }
        if (toStart == null) {
            return;
        }
        StreamHandle handle;
        try {
            handle = source.streamResourceUtilisation(job, toStart);
        } catch (PluginException e) {
            toStart.fail(e.code(), e.getMessage());
            return;
        } catch (RuntimeException e) {
            log.error("starting the resource stream of job {} failed", job.id(), e);
            toStart.fail(ErrorCode.UNKNOWN, "could not start the resource utilization stream: " + e.getMessage());
            return;
        }
        boolean cancelNow;
        synchronized (lock) {
            cancelNow = toStart.ended && !toStart.completedBySource;
            if (!cancelNow) {
                toStart.handle = handle;
            }
        }
        if (cancelNow) {
            cancelQuietly(handle);
        }
    }

    void closeAll() {
        List<StreamHandle> handles = new ArrayList<>();
        synchronized (lock) {
            for (JobStream stream : streams.values()) {
                stream.ended = true;
                if (stream.handle != null) {
                    handles.add(stream.handle);
                }
            }
            streams.clear();
            requests.clear();
        }
        handles.forEach(ResourceHub::cancelQuietly);
    }

    private static void cancelQuietly(StreamHandle handle) {
        if (handle == null) {
            return;
        }
        try {
            handle.cancel();
        } catch (RuntimeException e) {
            log.warn("cancelling a resource stream failed", e);
        }
    }

    private final class JobStream implements ResourceSink {
        final String jobId;
        final Set<Member> members = new LinkedHashSet<>();
        StreamHandle handle;
        boolean ended;
        boolean completedBySource;

        JobStream(String jobId) {
            this.jobId = jobId;
        }

        @Override
        public void utilisation(ResourceUtilisation sample) {
            if (sample == null) {
                return;
            }
            synchronized (lock) {
                if (!ended && !members.isEmpty()) {
                    writer.send(new Response.ResourceUtil(nextSequences(), sample, false));
                }
            }
        }

        @Override
        public void complete() {
            synchronized (lock) {
                if (ended) {
                    return;
                }
                end();
                if (!members.isEmpty()) {
                    writer.send(new Response.ResourceUtil(nextSequences(), null, true));
                }
                forgetMembers();
            }
        }

        @Override
        public void fail(ErrorCode code, String message) {
            synchronized (lock) {
                if (ended) {
                    return;
                }
                end();
                for (Member member : members) {
                    writer.send(new Response.Error(member.requestId, code, message));
                }
                forgetMembers();
            }
        }

        @Override
        public boolean isClosed() {
            synchronized (lock) {
                return ended;
            }
        }

        private void end() {
            ended = true;
            completedBySource = true;
            streams.remove(jobId, this);
        }

        private List<StreamSequence> nextSequences() {
            List<StreamSequence> sequences = new ArrayList<>(members.size());
            for (Member member : members) {
                sequences.add(new StreamSequence(member.requestId, ++member.seq));
            }
            return sequences;
        }

        private void forgetMembers() {
            for (Member member : members) {
                requests.remove(member.requestId, member);
            }
        }
    }
}
