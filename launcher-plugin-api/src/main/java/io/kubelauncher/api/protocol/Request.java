package io.kubelauncher.api.protocol;

import io.kubelauncher.api.model.Job;
import io.kubelauncher.api.model.JobOperation;
import io.kubelauncher.api.model.JobStatus;
import io.kubelauncher.api.model.LoadBalancerNode;
import io.kubelauncher.api.model.OutputType;
import io.kubelauncher.api.model.Version;
import io.kubelauncher.api.plugin.RequestUser;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A decoded, well-formed request (spec 4 to 6). */
public sealed interface Request {

    long requestId();

    RequestType type();

    /** Requests that carry the effective user. */
    sealed interface UserScoped extends Request {
        RequestUser user();
    }

    /** Stream requests: opened with {@code cancel} false, closed by the same requestId with true. */
    sealed interface StreamRequest extends UserScoped {
        String jobId();

        boolean cancel();
    }

    record Heartbeat(long requestId) implements Request {
        @Override
        public RequestType type() {
            return RequestType.HEARTBEAT;
        }
    }

    record Bootstrap(long requestId, Version version) implements Request {
        @Override
        public RequestType type() {
            return RequestType.BOOTSTRAP;
        }
    }

    record SubmitJob(long requestId, RequestUser user, Job job) implements UserScoped {
        @Override
        public RequestType type() {
            return RequestType.SUBMIT_JOB;
        }
    }

    /**
     * @param fields the top-level Job keys to return, or empty for all
     */
    record GetJob(long requestId, RequestUser user, String jobId, Set<String> tags, Set<JobStatus> statuses,
                  Instant startTime, Instant endTime, Optional<List<String>> fields) implements UserScoped {
        public static final String ALL_JOBS = "*";

        @Override
        public RequestType type() {
            return RequestType.GET_JOB;
        }
    }

    record JobStatusStream(long requestId, RequestUser user, String jobId, boolean cancel) implements StreamRequest {
        @Override
        public RequestType type() {
            return RequestType.JOB_STATUS_STREAM;
        }
    }

    record ControlJob(long requestId, RequestUser user, String jobId, JobOperation operation) implements UserScoped {
        @Override
        public RequestType type() {
            return RequestType.CONTROL_JOB;
        }
    }

    /** @param outputType null on a cancel */
    record JobOutputStream(long requestId, RequestUser user, String jobId, OutputType outputType, boolean cancel)
            implements StreamRequest {
        @Override
        public RequestType type() {
            return RequestType.JOB_OUTPUT_STREAM;
        }
    }

    record ResourceUtilStream(long requestId, RequestUser user, String jobId, boolean cancel)
            implements StreamRequest {
        @Override
        public RequestType type() {
            return RequestType.RESOURCE_UTIL_STREAM;
        }
    }

    record JobNetwork(long requestId, RequestUser user, String jobId) implements UserScoped {
        @Override
        public RequestType type() {
            return RequestType.JOB_NETWORK;
        }
    }

    record ClusterInfo(long requestId, RequestUser user) implements UserScoped {
        @Override
        public RequestType type() {
            return RequestType.CLUSTER_INFO;
        }
    }

    record SetLoadBalancerNodes(long requestId, RequestUser user, List<LoadBalancerNode> nodes)
            implements UserScoped {
        @Override
        public RequestType type() {
            return RequestType.SET_LOAD_BALANCER_NODES;
        }
    }

    record ConfigReload(long requestId, RequestUser user) implements UserScoped {
        @Override
        public RequestType type() {
            return RequestType.CONFIG_RELOAD;
        }
    }
}
