package io.kubelauncher.testkit.client;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Drives a plugin executable over its stdin/stdout exactly as the Launcher does: length-prefixed
 * JSON frames, bootstrap, heartbeats, request ids counting up from 1, streams and their cancels.
 * Independent of the plugin runtime's own codec: requests are built from the spec's field names.
 *
 * <p>Every frame the plugin writes is checked as the Launcher would need it: a 4-byte big-endian
 * length within the maximum, a payload of valid UTF-8 holding one JSON object with
 * {@code messageType}, {@code requestId} and {@code responseId}. Anything else is recorded in
 * {@link #protocolViolations()}, and reading stops, since the stream can no longer be trusted.
 *
 * <p>Answers are routed by {@code requestId}; messages of multiplexed streams (status, resource
 * utilisation) go to every request named in their {@code sequences}. Heartbeats and metrics are
 * collected separately. The plugin's stderr is captured.
 */
public final class LauncherClient implements AutoCloseable {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);
    public static final long DEFAULT_MAX_MESSAGE_SIZE = 5L * 1024 * 1024;

    /** Request message types (spec 3.3). */
    public static final int HEARTBEAT = 0;
    public static final int BOOTSTRAP = 1;
    public static final int SUBMIT_JOB = 2;
    public static final int GET_JOB = 3;
    public static final int JOB_STATUS_STREAM = 4;
    public static final int CONTROL_JOB = 5;
    public static final int JOB_OUTPUT_STREAM = 6;
    public static final int RESOURCE_UTIL_STREAM = 7;
    public static final int JOB_NETWORK = 8;
    public static final int CLUSTER_INFO = 9;
    public static final int SET_LOAD_BALANCER_NODES = 201;
    public static final int CONFIG_RELOAD = 202;

    private final Process process;
    private final OutputStream stdin;
    private final JsonMapper mapper = JsonMapper.builder().build();
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;
    private final Clock clock;
    private final long maxMessageSize;
    private final Duration timeout;
    private final AtomicLong nextRequestId = new AtomicLong(1);
    private final Map<Long, BlockingQueue<Message>> inboxes = new ConcurrentHashMap<>();
    private final Map<Long, CompletableFuture<Message>> pending = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Message> all = new ConcurrentLinkedQueue<>();
    private volatile boolean recording = true;
    private final List<Message> heartbeats = new CopyOnWriteArrayList<>();
    private final List<Message> metrics = new CopyOnWriteArrayList<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final StringBuffer stderr = new StringBuffer();
    private final Thread stdoutReader;
    private final Thread stderrReader;
    private volatile Consumer<Message> listener = m -> { };

    private LauncherClient(Process process, Clock clock, long maxMessageSize, Duration timeout) {
        this.process = process;
        this.stdin = process.getOutputStream();
        this.clock = clock;
        this.maxMessageSize = maxMessageSize;
        this.timeout = timeout;
        this.stdoutReader = new Thread(this::readFrames, "launcher-client-stdout");
        this.stdoutReader.setDaemon(true);
        this.stderrReader = new Thread(this::readStderr, "launcher-client-stderr");
        this.stderrReader.setDaemon(true);
        stdoutReader.start();
        stderrReader.start();
    }

    /** Starts the plugin with this command line. */
    public static LauncherClient start(List<String> command) throws IOException {
        return start(new ProcessBuilder(command));
    }

    public static LauncherClient start(ProcessBuilder builder) throws IOException {
        return start(builder, Clock.systemUTC(), DEFAULT_MAX_MESSAGE_SIZE, DEFAULT_TIMEOUT);
    }

    /**
     * @param maxMessageSize the largest frame the plugin may send, as the Launcher enforces it
     * @param timeout how long the typed request methods wait for their answer
     */
    public static LauncherClient start(ProcessBuilder builder, Clock clock, long maxMessageSize, Duration timeout)
            throws IOException {
        builder.redirectInput(ProcessBuilder.Redirect.PIPE).redirectOutput(ProcessBuilder.Redirect.PIPE)
                .redirectError(ProcessBuilder.Redirect.PIPE);
        return new LauncherClient(builder.start(), clock, maxMessageSize, timeout);
    }

    /**
     * A command line that runs {@code mainClass} in a new JVM with this JVM's class path, e.g. a test
     * plugin living in test sources.
     */
    public static List<String> javaCommand(String mainClass, List<String> jvmOptions, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(args);
        return command;
    }

    // ---- the Launcher's requests ------------------------------------------------------------

    /** Bootstrap with API version 3.7.0 and request id 0; returns the answer. */
    public Message bootstrap() {
        return bootstrap(3, 7, 0);
    }

    public Message bootstrap(int major, int minor, int patch) {
        ObjectNode request = nodes.objectNode();
        request.put("messageType", BOOTSTRAP);
        request.put("requestId", 0);
        ObjectNode version = request.putObject("version");
        version.put("major", major);
        version.put("minor", minor);
        version.put("patch", patch);
        send(request);
        return await(0);
    }

    /** Sends a heartbeat request ({@code requestId} 0); its answer lands in {@link #heartbeats()}. */
    public void sendHeartbeat() {
        ObjectNode request = nodes.objectNode();
        request.put("messageType", HEARTBEAT);
        request.put("requestId", 0);
        send(request);
    }

    public Message submitJob(String username, ObjectNode job) {
        ObjectNode request = userRequest(SUBMIT_JOB, username);
        request.set("job", job);
        return call(request);
    }

    public Message getJob(String username, String jobId) {
        ObjectNode request = jobRequest(GET_JOB, username, jobId);
        return call(request);
    }

    /**
     * Get Job with filters; pass null for a filter not used.
     */
    public Message getJobs(String username, List<String> tags, List<String> statuses, String startTime,
                           String endTime, List<String> fields) {
        ObjectNode request = jobRequest(GET_JOB, username, "*");
        putStrings(request, "tags", tags);
        putStrings(request, "statuses", statuses);
        if (startTime != null) {
            request.put("startTime", startTime);
        }
        if (endTime != null) {
            request.put("endTime", endTime);
        }
        putStrings(request, "fields", fields);
        return call(request);
    }

    public Message controlJob(String username, String jobId, int operation) {
        ObjectNode request = jobRequest(CONTROL_JOB, username, jobId);
        request.put("operation", operation);
        return call(request);
    }

    public Message jobNetwork(String username, String jobId) {
        return call(jobRequest(JOB_NETWORK, username, jobId));
    }

    public Message clusterInfo(String username) {
        return call(userRequest(CLUSTER_INFO, username));
    }

    public Message setLoadBalancerNodes(String username, ArrayNode nodeList) {
        ObjectNode request = userRequest(SET_LOAD_BALANCER_NODES, username);
        request.set("nodes", nodeList);
        return call(request);
    }

    public Message configReload(String username) {
        return call(userRequest(CONFIG_RELOAD, username));
    }

    /** Opens a status stream for one job or {@code *}. */
    public ClientStream statusStream(String username, String jobId) {
        ObjectNode request = jobRequest(JOB_STATUS_STREAM, username, jobId);
        request.put("cancel", false);
        return openStream(request, JOB_STATUS_STREAM, username, jobId);
    }

    /** Opens an output stream; {@code outputType} is sent as given (an Integer or a String). */
    public ClientStream outputStream(String username, String jobId, Object outputType) {
        ObjectNode request = jobRequest(JOB_OUTPUT_STREAM, username, jobId);
        if (outputType instanceof Integer i) {
            request.put("outputType", i);
        } else if (outputType != null) {
            request.put("outputType", outputType.toString());
        }
        request.put("cancel", false);
        return openStream(request, JOB_OUTPUT_STREAM, username, jobId);
    }

    public ClientStream resourceStream(String username, String jobId) {
        ObjectNode request = jobRequest(RESOURCE_UTIL_STREAM, username, jobId);
        request.put("cancel", false);
        return openStream(request, RESOURCE_UTIL_STREAM, username, jobId);
    }

    // ---- building and sending ----------------------------------------------------------------

    /** A fresh request id, as the Launcher assigns them: 1, 2, 3, ... */
    public long nextRequestId() {
        return nextRequestId.getAndIncrement();
    }

    /** A request with messageType, a new requestId, username and requestUsername. */
    public ObjectNode userRequest(int messageType, String username) {
        ObjectNode request = nodes.objectNode();
        request.put("messageType", messageType);
        request.put("requestId", nextRequestId());
        request.put("username", username);
        request.put("requestUsername", username);
        return request;
    }

    public ObjectNode jobRequest(int messageType, String username, String jobId) {
        ObjectNode request = userRequest(messageType, username);
        request.put("jobId", jobId);
        request.put("encodedJobId", "");
        return request;
    }

    public ObjectNode objectNode() {
        return nodes.objectNode();
    }

    /** Sends a request and waits for the first message addressed to its request id. */
    public Message call(ObjectNode request) {
        CompletableFuture<Message> answer = callAsync(request);
        try {
            return answer.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("no answer to request " + request.path("requestId").asLong() + " within "
                    + timeout + "; violations: " + violations + "; plugin stderr:\n" + stderr());
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * Sends a request; the future completes with the first message addressed to its request id
     * (completed on the reader thread, so keep callbacks short).
     */
    public CompletableFuture<Message> callAsync(ObjectNode request) {
        long requestId = request.path("requestId").asLong();
        CompletableFuture<Message> answer = new CompletableFuture<>();
        pending.put(requestId, answer);
        send(request);
        return answer;
    }

    /** Sends one frame holding this JSON. */
    public void send(JsonNode request) {
        sendFrame(mapper.writeValueAsBytes(request));
    }

    /** Sends one frame with this payload (any bytes: for bad-input tests). */
    public void sendFrame(byte[] payload) {
        ByteBuffer frame = ByteBuffer.allocate(4 + payload.length);
        frame.putInt(payload.length).put(payload);
        sendRaw(frame.array());
    }

    /** Writes these bytes to the plugin's stdin as they are (partial frames, lying headers...). */
    public void sendRaw(byte[] bytes) {
        synchronized (stdin) {
            try {
                stdin.write(bytes);
                stdin.flush();
            } catch (IOException e) {
                throw new IllegalStateException("cannot write to the plugin's stdin: " + e
                        + "; plugin stderr:\n" + stderr(), e);
            }
        }
    }

    void sendCancel(int messageType, long requestId, String username, String jobId) {
        ObjectNode request = nodes.objectNode();
        request.put("messageType", messageType);
        request.put("requestId", requestId);
        request.put("username", username);
        request.put("requestUsername", username);
        request.put("jobId", jobId);
        request.put("encodedJobId", "");
        request.put("cancel", true);
        send(request);
    }

    private ClientStream openStream(ObjectNode request, int type, String username, String jobId) {
        long requestId = request.path("requestId").asLong();
        ClientStream stream = new ClientStream(this, type, requestId, username, jobId, inbox(requestId));
        send(request);
        return stream;
    }

    // ---- receiving ----------------------------------------------------------------------------

    /** The next message addressed to this request id, or an AssertionError after the timeout. */
    public Message await(long requestId) {
        return poll(requestId, timeout).orElseThrow(() -> new AssertionError("no answer to request " + requestId
                + " within " + timeout + "; violations: " + violations + "; plugin stderr:\n" + stderr()));
    }

    public Optional<Message> poll(long requestId, Duration wait) {
        try {
            return Optional.ofNullable(inbox(requestId).poll(wait.toNanos(), TimeUnit.NANOSECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Every message received so far, in wire order. */
    public List<Message> messages() {
        return List.copyOf(all);
    }

    public List<Message> heartbeats() {
        return List.copyOf(heartbeats);
    }

    public List<Message> metrics() {
        return List.copyOf(metrics);
    }

    /** What made the plugin's stdout unusable for the Launcher; empty when all is well. */
    public List<String> protocolViolations() {
        return List.copyOf(violations);
    }

    /** Whether {@link #messages()} keeps every message (default); benchmarks turn it off. */
    public void recordMessages(boolean record) {
        this.recording = record;
    }

    /** Called on the reader thread for every message (e.g. to time heartbeats). */
    public void onMessage(Consumer<Message> listener) {
        this.listener = listener;
    }

    public String stderr() {
        return stderr.toString();
    }

    public Process process() {
        return process;
    }

    /**
     * Sends the plugin a signal by name ({@code TERM}, {@code HUP}...) with {@code kill}, leaving its
     * pipes open (unlike {@link Process#destroy()}, which also closes them on our side).
     */
    public void signal(String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-s", name, Long.toString(process.pid()))
                    .redirectErrorStream(true).start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -s " + name + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run kill: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Closes the plugin's stdin, as a Launcher that goes away does. */
    public void closeStdin() {
        synchronized (stdin) {
            try {
                stdin.close();
            } catch (IOException e) {
                // already gone
            }
        }
    }

    /** Waits for the plugin to exit; empty if it did not in time. */
    public Optional<Integer> waitForExit(Duration wait) {
        try {
            if (process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                stdoutReader.join(wait.toMillis());
                return Optional.of(process.exitValue());
            }
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Closes stdin, waits briefly for a clean exit, and kills the plugin if it is still running. */
    @Override
    public void close() {
        closeStdin();
        if (waitForExit(Duration.ofSeconds(10)).isEmpty()) {
            process.destroyForcibly();
        }
    }

    private BlockingQueue<Message> inbox(long requestId) {
        return inboxes.computeIfAbsent(requestId, id -> new LinkedBlockingQueue<>());
    }

    private void readFrames() {
        DataInputStream in = new DataInputStream(process.getInputStream());
        try {
            while (true) {
                int first = in.read();
                if (first < 0) {
                    return;
                }
                byte[] rest = new byte[3];
                in.readFully(rest);
                long length = ((long) first << 24) | ((rest[0] & 0xFFL) << 16) | ((rest[1] & 0xFFL) << 8)
                        | (rest[2] & 0xFFL);
                if (length > maxMessageSize) {
                    violations.add("frame of " + length + " bytes exceeds the maximum of " + maxMessageSize);
                    return;
                }
                byte[] payload = new byte[(int) length];
                in.readFully(payload);
                if (!accept(payload)) {
                    return;
                }
            }
        } catch (EOFException e) {
            violations.add("stdout ended inside a frame");
        } catch (IOException e) {
            violations.add("reading stdout failed: " + e);
        }
    }

    private boolean accept(byte[] payload) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(payload));
        } catch (CharacterCodingException e) {
            violations.add("frame payload is not valid UTF-8: " + e);
            return false;
        }
        JsonNode json;
        try {
            json = mapper.readTree(payload);
        } catch (RuntimeException e) {
            violations.add("frame payload is not JSON: " + new String(payload, StandardCharsets.UTF_8));
            return false;
        }
        if (json == null || !json.isObject() || !json.path("messageType").isIntegralNumber()
                || !json.path("requestId").isIntegralNumber() || !json.path("responseId").isIntegralNumber()) {
            violations.add("frame is not a response envelope: " + json);
            return false;
        }
        Message message = new Message(json, clock.instant());
        if (recording) {
            all.add(message);
        }
        route(message);
        listener.accept(message);
        return true;
    }

    private void route(Message message) {
        switch (message.messageType()) {
            case 0 -> heartbeats.add(message);
            case 203 -> metrics.add(message);
            case 3, 6 -> {
                if (message.requestId() != 0) {
                    violations.add("multiplexed stream message with requestId " + message.requestId());
                }
                for (JsonNode sequence : message.json().path("sequences")) {
                    inbox(sequence.path("requestId").asLong()).add(message);
                }
            }
            default -> {
                CompletableFuture<Message> answer = message.requestId() == 0 ? null : pending.remove(message.requestId());
                if (answer != null) {
                    answer.complete(message);
                } else {
                    inbox(message.requestId()).add(message);
                }
            }
        }
    }

    private void readStderr() {
        try (InputStream err = process.getErrorStream()) {
            byte[] buffer = new byte[8192];
            int n;
            while ((n = err.read(buffer)) >= 0) {
                stderr.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // the process is gone
        }
    }

    private void putStrings(ObjectNode request, String name, List<String> values) {
        if (values != null) {
            ArrayNode array = request.putArray(name);
            values.forEach(array::add);
        }
    }
}
