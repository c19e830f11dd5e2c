package io.kubelauncher.api.protocol;

import io.kubelauncher.api.model.ClusterInfo;
import io.kubelauncher.api.model.Job;
import io.kubelauncher.api.model.JobNetwork;
import io.kubelauncher.api.model.JobStatus;
import io.kubelauncher.api.model.LatencySample;
import io.kubelauncher.api.model.OutputType;
import io.kubelauncher.api.model.ResourceUtilisation;
import io.kubelauncher.api.model.Version;
import io.kubelauncher.api.plugin.ErrorCode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectMapper;

/**
 * A message to the Launcher. The envelope ({@code messageType}, {@code requestId},
 * {@code responseId}) is written by {@link ResponseSerializer}, which takes the response id at the
 * moment the message reaches the wire; each response writes only its own fields.
 */
public sealed interface Response {

    ResponseType type();

    /** The request answered; 0 for heartbeats, metrics and multiplexed stream messages. */
    long requestId();

    /** Heartbeats, errors and metrics always carry responseId 0 and do not advance the counter. */
    default boolean countsResponseId() {
        return true;
    }

    /** Writes this response's own members; {@code mapper} converts model values. */
    void writeFields(JsonGenerator g, ObjectMapper mapper);

    record Heartbeat() implements Response {
        @Override
        public ResponseType type() {
            return ResponseType.HEARTBEAT;
        }

        @Override
        public long requestId() {
            return 0;
        }

        @Override
        public boolean countsResponseId() {
            return false;
        }

        @Override
        public void writeFields(JsonGenerator g, ObjectMapper mapper) {
        }
    }

    record Error(long requestId, ErrorCode code, String message) implements Response {
        public Error {
            Objects.requireNonNull(code, "code");
            message = message == null ? "" : message;
        }

        @Override
        public ResponseType type() {
            return ResponseType.ERROR;
        }

        @Override
        public boolean countsResponseId() {
            return false;
        }

        @Override
        public void writeFields(JsonGenerator g, ObjectMapper mapper) {
            g.writeNumberProperty("errorCode", code.code());
            g.writeStringProperty("errorMessage", message);
        }
    }

    record Bootstrap(long requestId, Version version) implements Response {
        @Override
        public ResponseType type() {
            return ResponseType.BOOTSTRAP;
        }

        @Override
        public void writeFields(JsonGenerator g, ObjectMapper mapper) {
            g.writePOJOProperty("version", version);
        }
    }

    /**
     * @param fields when present, only these top-level keys (and {@code id}) of each job are written
     */
    record JobState(long requestId, List<Job> jobs, Optional<List<String>> fields) implements Response {
        public JobState {
            jobs = List.copyOf(jobs);
        }

        @Override
        public ResponseType type() {
            return ResponseType.JOB_STATE;
        }

        @Override
        public void writeFields(JsonGenerator g, ObjectMapper mapper) {
            g.writeName("jobs");
            g.writeStartArray();
            for (Job job : jobs) {
                if (fields.isEmpty()) {
                    g.writePOJO(job);
                } else {
                    FieldSelection.write(g, mapper.valueToTree(job), fields.get());
                }
            }
            g.writeEndArray();
        }
    }

    record JobStatusUpdate(List<StreamSequence> sequences, String id, String name, JobStatus status,
                           String statusMessage, String statusCode) implements Response {
        public JobStatusUpdate {
            sequences = List.copyOf(sequences);
        }

        @Override
        public ResponseType type() {
            return ResponseType.JOB_STATUS;
        }

        @Override
        public long requestId() {
            return 0;
        }

        @Override
        public void writeFields(JsonGenerator g, ObjectMapper mapper) {
            writeSequences(g, sequences);
            g.writeStringProperty("id", id);
            g.writeStringProperty("name", name == null ? "" : name);
            g.writeStringProperty("status", status == null ? "" : status.wireName());
            if (statusMessage != null && !statusMessage.isEmpty()) {
                g.writeStringProperty("statusMessage", statusMessage);
            }
            if (statusCode != null && !statusCode.isEmpty()) {
                g.writeStringProperty("statusCode", statusCode);
            }
        }
    }

    record ControlJob(long requestId, String statusMessage, boolean operationComplete) implements Response {
        @Override
        public ResponseType type() {
            return ResponseType.CONTROL_JOB;
        }

        @Override
        public void writeFields(JsonGenerator g, ObjectMapper mapper) {
            g.writeStringProperty("statusMessage", statusMessage == null ? "" : statusMessage);
            g.writeBooleanProperty("operationComplete", operationComplete);
        }
    }

    /** A chunk of output, or (complete) the stream's single last message, which carries no data. */
    record JobOutput(long requestId, long seqId, String output, OutputType outputType, boolean complete)
            implements Response {
        public static JobOutput last(long requestId, long seqId) {
            return new JobOutput(requestId, seqId, null, null, true);
        }

        @Override
        public ResponseType type() {
            return ResponseType.JOB_OUTPUT;
        }

        @Override
        public void writeFields(JsonGenerator g, ObjectMapper mapper) {
            g.writeNumberProperty("seqId", seqId);
            if (output != null && !output.isEmpty()) {
                g.writeStringProperty("output", output);
                g.writeStringProperty("outputType", outputType.wireName());
            }
            g.writeBooleanProperty("complete", complete);
        }
    }

    /** @param utilisation null on the final {@code complete} message */
    record ResourceUtil(List<StreamSequence> sequences, ResourceUtilisation utilisation, boolean complete)
            implements Response {
        public ResourceUtil {
            sequences = List.copyOf(sequences);
        }

        @Override
        public ResponseType type() {
            return ResponseType.RESOURCE_UTIL;
        }

        @Override
        public long requestId() {
            return 0;
        }

        @Override
        public void writeFields(JsonGenerator g, ObjectMapper mapper) {
            writeSequences(g, sequences);
            if (utilisation != null) {
                writeIfKnown(g, "cpuPercent", utilisation.cpuPercent());
                writeIfKnown(g, "cpuTime", utilisation.cpuTime());
                writeIfKnown(g, "virtualMemory", utilisation.virtualMemory());
                writeIfKnown(g, "residentMemory", utilisation.residentMemory());
            }
            g.writeBooleanProperty("complete", complete);
        }

        private static void writeIfKnown(JsonGenerator g, String name, Double value) {
            if (value != null && Double.isFinite(value)) {
                g.writeNumberProperty(name, value);
            }
        }
    }

    record Network(long requestId, JobNetwork network) implements Response {
        @Override
        public ResponseType type() {
            return ResponseType.JOB_NETWORK;
        }

        @Override
        public void writeFields(JsonGenerator g, ObjectMapper mapper) {
            g.writeStringProperty("host", network.host());
            g.writeName("ipAddresses");
            g.writeStartArray();
            for (String ip : network.ipAddresses()) {
                g.writeString(ip);
            }
            g.writeEndArray();
            if (!network.endpoints().isEmpty()) {
                g.writePOJOProperty("endpoints", network.endpoints());
            }
        }
    }

    record Cluster(long requestId, ClusterInfo info) implements Response {
        @Override
        public ResponseType type() {
            return ResponseType.CLUSTER_INFO;
        }

        @Override
        public void writeFields(JsonGenerator g, ObjectMapper mapper) {
            FieldSelection.writeMembers(g, mapper.valueToTree(info));
        }
    }

    record SetLoadBalancerNodes(long requestId) implements Response {
        @Override
        public ResponseType type() {
            return ResponseType.SET_LOAD_BALANCER_NODES;
        }

        @Override
        public void writeFields(JsonGenerator g, ObjectMapper mapper) {
        }
    }

    record ConfigReload(long requestId, int errorType, String errorMessage) implements Response {
        @Override
        public ResponseType type() {
            return ResponseType.CONFIG_RELOAD;
        }

        @Override
        public void writeFields(JsonGenerator g, ObjectMapper mapper) {
            g.writeNumberProperty("errorType", errorType);
            g.writeStringProperty("errorMessage", errorMessage == null ? "" : errorMessage);
        }
    }

    /** @param latency absent when the plugin does not measure scheduler calls */
    record Metrics(long uptimeSeconds, long memoryUsageBytes, Optional<LatencySample> latency) implements Response {
        @Override
        public ResponseType type() {
            return ResponseType.METRICS;
        }

        @Override
        public long requestId() {
            return 0;
        }

        @Override
        public boolean countsResponseId() {
            return false;
        }

        @Override
        public void writeFields(JsonGenerator g, ObjectMapper mapper) {
            g.writeNumberProperty("uptimeSeconds", uptimeSeconds);
            g.writeNumberProperty("memoryUsageBytes", memoryUsageBytes);
            if (latency.isPresent()) {
                g.writePOJOProperty("clusterInteractionLatencySample", latency.get());
            }
        }
    }

    private static void writeSequences(JsonGenerator g, List<StreamSequence> sequences) {
        g.writeName("sequences");
        g.writeStartArray();
        for (StreamSequence s : sequences) {
            g.writeStartObject();
            g.writeNumberProperty("requestId", s.requestId());
            g.writeNumberProperty("seqId", s.seqId());
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
