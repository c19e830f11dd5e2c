package io.kubelauncher.api.protocol;

import io.kubelauncher.api.model.Job;
import io.kubelauncher.api.model.JobOperation;
import io.kubelauncher.api.model.JobStatus;
import io.kubelauncher.api.model.LoadBalancerNode;
import io.kubelauncher.api.model.OutputType;
import io.kubelauncher.api.model.Version;
import io.kubelauncher.api.model.WireTime;
import io.kubelauncher.api.plugin.ErrorCode;
import io.kubelauncher.api.plugin.RequestUser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a frame payload into a {@link Request}, or a {@link RequestException} saying exactly what
 * is wrong with it and which request to answer (spec 1.4: every frame gets an answer). Unknown
 * fields are ignored; a cancel is accepted with whatever else it carries, since it is never answered.
 * Thread-safe.
 */
public final class RequestDecoder {

    private final JsonMapper mapper;
    private final RequestIdRecovery recovery;

    public RequestDecoder(JsonMapper mapper) {
        this.mapper = mapper;
        this.recovery = new RequestIdRecovery(mapper);
    }

    /** The request id to answer a payload that could not be decoded with, or 0. */
    public long recoverRequestId(byte[] payloadOrPrefix) {
        return recovery.recover(payloadOrPrefix).orElse(0L);
    }

    public Request decode(byte[] payload) throws RequestException {
        if (payload.length == 0) {
            throw new RequestException(0, ErrorCode.INVALID_REQUEST, "empty frame (length 0): expected a JSON object");
        }
        JsonNode root;
        try {
            root = mapper.readTree(payload);
        } catch (JacksonException e) {
            OptionalLong id = recovery.recover(payload);
            throw new RequestException(id.orElse(0L), ErrorCode.INVALID_REQUEST,
                    "frame payload is not valid UTF-8 JSON: " + e.getOriginalMessage());
        }
        if (root == null || root.isMissingNode() || !root.isObject()) {
            throw new RequestException(0, ErrorCode.INVALID_REQUEST,
                    "frame payload must be a JSON object, got " + describe(root));
        }
        long requestId = requestId(root);
        JsonNode typeNode = root.get("messageType");
        if (typeNode == null || typeNode.isNull()) {
            throw new RequestException(requestId, ErrorCode.INVALID_REQUEST, "messageType is missing");
        }
        if (!typeNode.isIntegralNumber() || !typeNode.canConvertToLong()) {
            throw new RequestException(requestId, ErrorCode.INVALID_REQUEST,
                    "messageType must be an integer, got " + describe(typeNode));
        }
        long typeId = typeNode.longValue();
        RequestType type = RequestType.fromId(typeId).orElseThrow(() -> new RequestException(requestId,
                ErrorCode.REQUEST_NOT_SUPPORTED, "message type " + typeId + " is not supported"));
        return new Fields(root, requestId, type).decode();
    }

    private static long requestId(JsonNode root) throws RequestException {
        JsonNode node = root.get("requestId");
        if (node == null || node.isNull()) {
            throw new RequestException(0, ErrorCode.INVALID_REQUEST, "requestId is missing");
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < 0) {
            throw new RequestException(0, ErrorCode.INVALID_REQUEST,
                    "requestId must be an unsigned integer, got " + describe(node));
        }
        return node.longValue();
    }

    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        String text = node.toString();
        String kind = switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
        return kind + " (" + (text.length() > 60 ? text.substring(0, 57) + "..." : text) + ")";
    }

    /** Reads the fields of one request, naming the request type and the field in every complaint. */
    private final class Fields {
        private final JsonNode root;
        private final long requestId;
        private final RequestType type;

        Fields(JsonNode root, long requestId, RequestType type) {
            this.root = root;
            this.requestId = requestId;
            this.type = type;
        }

        Request decode() throws RequestException {
            return switch (type) {
                case HEARTBEAT -> new Request.Heartbeat(requestId);
                case BOOTSTRAP -> new Request.Bootstrap(requestId, version());
                case SUBMIT_JOB -> new Request.SubmitJob(requestId, user(), job());
                case GET_JOB -> getJob();
                case JOB_STATUS_STREAM -> cancel()
                        ? new Request.JobStatusStream(requestId, lenientUser(), lenientString("jobId"), true)
                        : new Request.JobStatusStream(requestId, user(), requiredJobId(), false);
                case CONTROL_JOB -> controlJob();
                case JOB_OUTPUT_STREAM -> cancel()
                        ? new Request.JobOutputStream(requestId, lenientUser(), lenientString("jobId"), null, true)
                        : new Request.JobOutputStream(requestId, user(), singleJobId(), outputType(), false);
                case RESOURCE_UTIL_STREAM -> cancel()
                        ? new Request.ResourceUtilStream(requestId, lenientUser(), lenientString("jobId"), true)
                        : new Request.ResourceUtilStream(requestId, user(), singleJobId(), false);
                case JOB_NETWORK -> new Request.JobNetwork(requestId, user(), singleJobId());
                case CLUSTER_INFO -> new Request.ClusterInfo(requestId, user());
                case SET_LOAD_BALANCER_NODES -> new Request.SetLoadBalancerNodes(requestId, launcherUser(), nodes());
                case CONFIG_RELOAD -> new Request.ConfigReload(requestId, launcherUser());
            };
        }

        private Version version() throws RequestException {
            JsonNode node = root.get("version");
            if (node == null || !node.isObject()) {
                throw invalid("version must be an object {major, minor, patch}, got " + describe(node));
            }
            int[] parts = new int[3];
            String[] names = {"major", "minor", "patch"};
            for (int i = 0; i < 3; i++) {
                JsonNode part = node.get(names[i]);
                if (part == null || !part.isIntegralNumber() || !part.canConvertToInt() || part.intValue() < 0) {
                    throw invalid("version." + names[i] + " must be a non-negative integer, got " + describe(part));
                }
                parts[i] = part.intValue();
            }
            JsonNode build = node.get("build");
            JsonNode revision = node.get("revision");
            return new Version(parts[0], parts[1], parts[2],
                    build != null && build.isIntegralNumber() ? build.intValue() : null,
                    revision != null && revision.isString() ? revision.asString() : null);
        }

        private RequestUser user() throws RequestException {
            String username = requiredString("username").trim();
            if (username.isEmpty()) {
                // an empty name would see no job at all and answer "not found": say what is really wrong
                throw invalid("username must not be empty");
            }
            JsonNode requestUsername = root.get("requestUsername");
            String caller = requestUsername != null && requestUsername.isString() ? requestUsername.asString() : "";
            return new RequestUser(username, caller);
        }

        /** Requests the Launcher makes for itself (201, 202): the name is informational and may be empty. */
        private RequestUser launcherUser() throws RequestException {
            String username = requiredString("username").trim();
            JsonNode requestUsername = root.get("requestUsername");
            return new RequestUser(username, requestUsername != null && requestUsername.isString() ? requestUsername.asString() : "");
        }

        private RequestUser lenientUser() {
            JsonNode node = root.get("username");
            return new RequestUser(node != null && node.isString() ? node.asString().trim() : "", "");
        }

        private Job job() throws RequestException {
            JsonNode node = root.get("job");
            if (node == null || node.isNull()) {
                throw invalid("job is missing");
            }
            if (!node.isObject()) {
                throw invalid("job must be an object, got " + describe(node));
            }
            try {
                return mapper.treeToValue(node, Job.class);
            } catch (JacksonException e) {
                throw invalid("invalid job: " + explain(e, "job"));
            }
        }

        private Request getJob() throws RequestException {
            RequestUser user = user();
            String jobId = requiredJobId();
            Set<String> tags = new LinkedHashSet<>(stringArray("tags"));
            Set<JobStatus> statuses = new LinkedHashSet<>();
            List<String> invalid = new ArrayList<>();
            for (String text : stringArray("statuses")) {
                JobStatus.parse(text).ifPresentOrElse(statuses::add, () -> invalid.add(text));
            }
            if (!invalid.isEmpty()) {
                throw invalid("Invalid status(es): " + String.join(", ", invalid)
                        + " (expected Pending, Running, Suspended, Finished, Failed, Killed or Canceled)");
            }
            Instant start = time("startTime", "Invalid start time");
            Instant end = time("endTime", "Invalid end time");
            JsonNode fieldsNode = root.get("fields");
            Optional<List<String>> fields = fieldsNode == null || fieldsNode.isNull()
                    ? Optional.empty() : Optional.of(stringArray("fields"));
            return new Request.GetJob(requestId, user, jobId, tags, statuses, start, end, fields);
        }

        private Request controlJob() throws RequestException {
            RequestUser user = user();
            String jobId = requiredJobId();
            if (jobId.equals("*")) {
                throw invalid("cannot control all jobs at once: jobId must name one job");
            }
            JsonNode op = root.get("operation");
            if (op == null || op.isNull()) {
                throw invalid("operation is missing");
            }
            if (!op.isIntegralNumber() || !op.canConvertToLong()) {
                throw invalid("operation must be an integer 0-4, got " + describe(op));
            }
            JobOperation operation = JobOperation.fromCode(op.longValue()).orElseThrow(() -> invalid(
                    "unknown control job operation " + op.longValue()
                            + " (0 suspend, 1 resume, 2 stop, 3 kill, 4 cancel)"));
            return new Request.ControlJob(requestId, user, jobId, operation);
        }

        private OutputType outputType() throws RequestException {
            JsonNode node = root.get("outputType");
            if (node == null || node.isNull()) {
                return OutputType.MIXED;
            }
            if (node.isIntegralNumber() && node.canConvertToLong()) {
                return OutputType.fromCode(node.longValue()).orElseThrow(() -> invalid(
                        "outputType must be 0 (stdout), 1 (stderr) or 2 (both), got " + node.longValue()));
            }
            if (node.isString()) {
                return OutputType.fromName(node.asString()).orElseThrow(() -> invalid(
                        "outputType must be \"stdout\", \"stderr\" or \"mixed\", got \"" + node.asString() + "\""));
            }
            throw invalid("outputType must be an integer 0-2 or a string, got " + describe(node));
        }

        private List<LoadBalancerNode> nodes() throws RequestException {
            JsonNode node = root.get("nodes");
            if (node == null || node.isNull()) {
                return List.of();
            }
            if (!node.isArray()) {
                throw invalid("nodes must be an array, got " + describe(node));
            }
            List<LoadBalancerNode> nodes = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                try {
                    nodes.add(mapper.treeToValue(node.get(i), LoadBalancerNode.class));
                } catch (JacksonException e) {
                    throw invalid("invalid node: " + explain(e, "nodes[" + i + "]"));
                }
            }
            return nodes;
        }

        private boolean cancel() throws RequestException {
            JsonNode node = root.get("cancel");
            if (node == null || node.isNull()) {
                return false;
            }
            if (!node.isBoolean()) {
                throw invalid("cancel must be a boolean, got " + describe(node));
            }
            return node.booleanValue();
        }

        private String singleJobId() throws RequestException {
            String jobId = requiredJobId();
            if (jobId.equals("*")) {
                throw invalid("jobId must name one job; \"*\" is not allowed here");
            }
            return jobId;
        }

        /** A job id the request cannot do without: present, a string, not empty. */
        private String requiredJobId() throws RequestException {
            String jobId = requiredString("jobId");
            if (jobId.isEmpty()) {
                throw invalid("jobId must not be empty");
            }
            return jobId;
        }

        private String requiredString(String name) throws RequestException {
            JsonNode node = root.get(name);
            if (node == null || node.isNull()) {
                throw invalid(name + " is missing");
            }
            if (!node.isString()) {
                throw invalid(name + " must be a string, got " + describe(node));
            }
            return node.asString();
        }

        private String lenientString(String name) {
            JsonNode node = root.get(name);
            return node != null && node.isString() ? node.asString() : "";
        }

        private List<String> stringArray(String name) throws RequestException {
            JsonNode node = root.get(name);
            if (node == null || node.isNull()) {
                return List.of();
            }
            if (!node.isArray()) {
                throw invalid(name + " must be an array of strings, got " + describe(node));
            }
            List<String> values = new ArrayList<>(node.size());
            for (int i = 0; i < node.size(); i++) {
                JsonNode item = node.get(i);
                if (!item.isString()) {
                    throw invalid(name + "[" + i + "] must be a string, got " + describe(item));
                }
                values.add(item.asString());
            }
            return values;
        }

        private Instant time(String name, String label) throws RequestException {
            JsonNode node = root.get(name);
            if (node == null || node.isNull() || (node.isString() && node.asString().isBlank())) {
                return null;
            }
            if (!node.isString()) {
                throw invalid(label + ": " + name + " must be a date-time string, got " + describe(node));
            }
            try {
                return WireTime.parse(node.asString());
            } catch (IllegalArgumentException e) {
                throw invalid(label + ": " + e.getMessage());
            }
        }

        private RequestException invalid(String message) {
            return new RequestException(requestId, ErrorCode.INVALID_REQUEST, type.title() + ": " + message);
        }
    }

    /** A data-binding failure as "at job.mounts[0]: nfs mount: source.path is required". */
    static String explain(JacksonException e, String root) {
        StringBuilder path = new StringBuilder(root);
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                path.append('.').append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        Throwable cause = e.getCause();
        String problem = cause instanceof IllegalArgumentException || cause instanceof NullPointerException
                ? cause.getMessage() : e.getOriginalMessage();
        problem = problem.replaceAll("`[a-z]+(\\.[a-z]+)*\\.([A-Z][A-Za-z$]*)`", "$2");
        int newline = problem.indexOf('\n');
        if (newline > 0) {
            problem = problem.substring(0, newline);
        }
        return "at " + path + ": " + problem;
    }
}
