package io.kubelauncher.reliability;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plugin process for high-volume input: stdin buffered, stdout read frame by frame into a
 * consumer (nothing kept), stderr to a file. {@code LauncherClient} keeps every message and the
 * whole stderr in memory, which a million fuzzed frames would not fit. Every frame the plugin
 * writes is checked as the Launcher needs it (length within the maximum, UTF-8 JSON object with
 * messageType, requestId, responseId); a bad one is a protocol violation and ends reading.
 */
final class PluginPipe implements AutoCloseable {

    private final Process process;
    private final OutputStream stdin;
    private final Thread reader;
    private final long maxMessageSize;
    private final Consumer<JsonNode> consumer;
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final JsonMapper mapper = JsonMapper.builder().build();

    PluginPipe(List<String> command, Path stderrFile, long maxMessageSize, Consumer<JsonNode> consumer) {
        this.maxMessageSize = maxMessageSize;
        this.consumer = consumer;
        try {
            this.process = new ProcessBuilder(command).redirectError(stderrFile.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.stdin = new BufferedOutputStream(process.getOutputStream(), 1 << 16);
        this.reader = new Thread(this::readFrames, "plugin-pipe-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    void write(byte[] bytes) {
        try {
            stdin.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the plugin's stdin (alive: " + process.isAlive() + ")", e);
        }
    }

    void flush() {
        try {
            stdin.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the plugin's stdin (alive: " + process.isAlive() + ")", e);
        }
    }

    void closeStdin() {
        try {
            stdin.close();
        } catch (IOException e) {
            // gone already
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    Optional<Integer> waitForExit(Duration wait) throws InterruptedException {
        if (!process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS)) {
            return Optional.empty();
        }
        reader.join(wait.toMillis());
        return Optional.of(process.exitValue());
    }

    List<String> violations() {
        return List.copyOf(violations);
    }

    @Override
    public void close() throws InterruptedException {
        closeStdin();
        if (waitForExit(Duration.ofSeconds(15)).isEmpty()) {
            process.destroyForcibly();
        }
    }

    private void readFrames() {
        DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(process.getInputStream(), 1 << 16));
        byte[] header = new byte[4];
        try {
            while (true) {
                int first = in.read();
                if (first < 0) {
                    return;
                }
                header[0] = (byte) first;
                in.readFully(header, 1, 3);
                long length = ByteBuffer.wrap(header).getInt() & 0xFFFFFFFFL;
                if (length > maxMessageSize) {
                    violations.add("frame of " + length + " bytes exceeds the maximum of " + maxMessageSize);
                    return;
                }
                byte[] payload = new byte[(int) length];
                in.readFully(payload);
                JsonNode json = check(payload);
                if (json == null) {
                    return;
                }
                consumer.accept(json);
            }
        } catch (EOFException e) {
            violations.add("stdout ended inside a frame");
        } catch (IOException e) {
            violations.add("reading stdout failed: " + e);
        }
    }

    private JsonNode check(byte[] payload) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(payload));
        } catch (CharacterCodingException e) {
            violations.add("frame payload is not valid UTF-8");
            return null;
        }
        JsonNode json;
        try {
            json = mapper.readTree(payload);
        } catch (RuntimeException e) {
            violations.add("frame payload is not JSON: " + new String(payload, StandardCharsets.UTF_8));
            return null;
        }
        if (json == null || !json.isObject() || !json.path("messageType").isIntegralNumber()
                || !json.path("requestId").isIntegralNumber() || !json.path("responseId").isIntegralNumber()) {
            violations.add("frame is not a response envelope: " + json);
            return null;
        }
        return json;
    }
}
