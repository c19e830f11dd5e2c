package io.kubelauncher.api.runtime;

import io.kubelauncher.api.frame.FrameDecoder;
import io.kubelauncher.api.model.Version;
import io.kubelauncher.api.model.WireJson;
import io.kubelauncher.api.plugin.ErrorCode;
import io.kubelauncher.api.plugin.JobSource;
import io.kubelauncher.api.plugin.JobStatusPublisher;
import io.kubelauncher.api.protocol.Request;
import io.kubelauncher.api.protocol.RequestDecoder;
import io.kubelauncher.api.protocol.RequestException;
import io.kubelauncher.api.protocol.Response;
import io.kubelauncher.api.protocol.ResponseSerializer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Launcher Plugin API runtime: reads request frames from the Launcher, answers them through a
 * {@link JobSource}, and writes response frames, until the Launcher closes stdin or
 * {@link #shutdown()} is called (spec 2.3).
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *     StandardStreams stdio = StandardStreams.claim();          // first: System.out now goes to stderr
 *     ParsedOptions parsed = new OptionsParser("kubernetes", MY_OPTION_NAMES,
 *             new ConfigFileLocator(System.getenv())).parse(List.of(args));   // OptionException: exit 1
 *     LauncherOptions options = LauncherOptions.from(parsed, myDefaults);
 *     PluginRuntime runtime = PluginRuntime.builder(new MyJobSource(parsed, ...))
 *             .options(options.runtimeOptions()).input(stdio.in()).output(stdio.out()).build();
 *     Signals.install(runtime, templates::reload);                 // SIGTERM/SIGINT: shutdown; SIGHUP: reload
 *     System.exit(runtime.run());                                  // 0 after stdin EOF or SIGTERM
 * }
 * }</pre>
 *
 * <p>Threads: one reads stdin (and answers heartbeats at once), one writes stdout, a worker pool of
 * {@code thread-pool-size} runs requests, and a scheduler sends heartbeats and metrics. The runtime
 * owns the executors it is given and shuts them down.
 */
public final class PluginRuntime {

    /** The newest Plugin API version this runtime implements fully (config reload, metrics: 3.7). */
    public static final Version API_VERSION = new Version(3, 7, 0);

    private static final Logger log = LoggerFactory.getLogger(PluginRuntime.class);
    private static final int READ_BUFFER_BYTES = 64 * 1024;
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(3);

    private final JobSource source;
    private final RuntimeOptions options;
    private final InputStream input;
    private final Clock clock;
    private final ExecutorService workers;
    private final ScheduledExecutorService scheduler;
    private final ThreadFactory threads;
    private final RequestDecoder decoder;
    private final ResponseWriter writer;
    private final StatusHub statusHub;
    private final Dispatcher dispatcher;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicBoolean metricsStarted = new AtomicBoolean();
    private final CountDownLatch terminated = new CountDownLatch(1);
    private final Instant startTime;

    private PluginRuntime(Builder b) {
        this.source = b.source;
        this.options = b.options;
        this.input = Objects.requireNonNull(b.input, "input");
        this.clock = b.clock;
        this.threads = b.threads != null ? b.threads : daemonThreads();
        this.workers = b.workers != null ? b.workers
                : Executors.newFixedThreadPool(options.threadPoolSize(), named(threads, "launcher-worker"));
        this.scheduler = b.scheduler != null ? b.scheduler
                : Executors.newSingleThreadScheduledExecutor(named(threads, "launcher-timer"));
        JsonMapper mapper = b.mapper != null ? b.mapper : WireJson.newMapper();
        this.decoder = new RequestDecoder(mapper);
        this.writer = new ResponseWriter(Objects.requireNonNull(b.output, "output"), new ResponseSerializer(mapper),
                options.maxMessageSize(), threads, this::onBrokenOutput);
        this.statusHub = new StatusHub(writer);
        this.dispatcher = new Dispatcher(source, writer, workers, statusHub,
                new OutputHub(writer, options.maxMessageSize()), new ResourceHub(writer), this::startMetrics);
        this.startTime = clock.instant();
    }

    public static Builder builder(JobSource source) {
        return new Builder(source);
    }

    /** Where status changes go; the same publisher the source receives at bootstrap. */
    public JobStatusPublisher statusPublisher() {
        return statusHub;
    }

    /**
     * Serves the Launcher until stdin ends, stdout breaks, or {@link #shutdown()} is called, then shuts
     * down in order. Starts the heartbeat timer at once (spec 5), before bootstrap, as the C++ SDK does.
     *
     * @return the process exit code: 0, the Launcher is gone or asked us to stop
     */
    public int run() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("the runtime runs once");
        }
        writer.start();
        long heartbeat = options.heartbeatIntervalSeconds();
        if (heartbeat > 0) {
            scheduler.scheduleAtFixedRate(() -> writer.send(new Response.Heartbeat()), heartbeat, heartbeat,
                    TimeUnit.SECONDS);
        }
        Thread reader = threads.newThread(this::readLoop);
        reader.setName("launcher-stdin-reader");
        reader.start();
        try {
            terminated.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            shutdown();
        }
        return 0;
    }

    /** Orderly shutdown (SIGTERM, spec 2.3): streams stop without a final message. Idempotent. */
    public void shutdown() {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        log.info("shutting down");
        scheduler.shutdownNow();
        dispatcher.shutdown();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            workers.shutdownNow();
        }
        try {
            source.shutdown();
        } catch (RuntimeException e) {
            log.warn("the job source failed to shut down cleanly", e);
        }
        writer.close(SHUTDOWN_GRACE);
        terminated.countDown();
    }

    private void readLoop() {
        FrameDecoder frames = new FrameDecoder(options.maxMessageSize(), new FrameDecoder.Listener() {
            @Override
            public void onFrame(byte[] payload) {
                handle(payload);
            }

            @Override
            public void onOversizedFrame(long length, byte[] prefix) {
                long requestId = decoder.recoverRequestId(prefix);
                log.error("discarded a frame of {} bytes (max-message-size {}), request id {}", length,
                        options.maxMessageSize(), requestId);
                writer.send(new Response.Error(requestId, ErrorCode.INVALID_REQUEST, "frame of " + length
                        + " bytes exceeds max-message-size (" + options.maxMessageSize() + " bytes); discarded"));
            }
        });
        byte[] buffer = new byte[READ_BUFFER_BYTES];
        try {
            int n;
            while (!stopping.get() && (n = input.read(buffer)) >= 0) {
                frames.feed(buffer, 0, n);
            }
            log.info("stdin closed: the Launcher is gone");
        } catch (IOException e) {
            if (!stopping.get()) {
                log.error("reading stdin failed: {}", e.toString());
            }
        }
        frames.finish().ifPresent(t -> {
            String what = t.announcedLength() < 0
                    ? "stdin ended inside a frame header (" + t.headerBytesSeen() + " of 4 bytes)"
                    : "stdin ended inside a frame: " + t.announcedLength() + " bytes announced, "
                            + t.payloadBytesSeen() + " received";
            log.error(what);
            writer.send(new Response.Error(decoder.recoverRequestId(t.prefix()), ErrorCode.INVALID_REQUEST, what));
        });
        shutdown();
    }

    private void handle(byte[] payload) {
        Request request;
        try {
            request = decoder.decode(payload);
        } catch (RequestException e) {
            log.warn("bad request frame ({} bytes): {}", payload.length, e.getMessage());
            writer.send(new Response.Error(e.requestId(), e.code(), e.getMessage()));
            return;
        }
        try {
            dispatcher.dispatch(request);
        } catch (RuntimeException e) {
            log.error("dispatching request {} failed", request.requestId(), e);
            writer.send(new Response.Error(request.requestId(), ErrorCode.UNKNOWN, "internal error: " + e));
        }
    }

    private void startMetrics() {
        long interval = options.pluginMetricsIntervalSeconds();
        if (interval > 0 && !stopping.get() && metricsStarted.compareAndSet(false, true)) {
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            try {
                scheduleMetrics(memory, interval);
            } catch (RejectedExecutionException e) {
                // the Launcher left while the bootstrap was loading: the scheduler has stopped, and so will we
                log.debug("not starting plugin metrics: the runtime is stopping");
            }
        }
    }

    private void scheduleMetrics(MemoryMXBean memory, long interval) {
        scheduler.scheduleAtFixedRate(() -> {
            // an exception would silently cancel every later run of a scheduled task
            try {
                long uptime = Math.max(0, Duration.between(startTime, clock.instant()).toSeconds());
                long used = memory.getHeapMemoryUsage().getUsed() + memory.getNonHeapMemoryUsage().getUsed();
                writer.send(new Response.Metrics(uptime, used, source.takeLatencySample()));
            } catch (RuntimeException e) {
                log.warn("could not collect plugin metrics", e);
            }
        }, interval, interval, TimeUnit.SECONDS);
    }

    private void onBrokenOutput() {
        Thread stopper = threads.newThread(this::shutdown);
        stopper.setName("launcher-shutdown");
        stopper.start();
    }

    private static ThreadFactory daemonThreads() {
        return runnable -> {
            Thread thread = new Thread(runnable);
            thread.setDaemon(true);
            return thread;
        };
    }

    private static ThreadFactory named(ThreadFactory base, String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = base.newThread(runnable);
            thread.setName(prefix + "-" + count.incrementAndGet());
            return thread;
        };
    }

    public static final class Builder {
        private final JobSource source;
        private RuntimeOptions options = RuntimeOptions.defaults();
        private InputStream input;
        private OutputStream output;
        private Clock clock = Clock.systemUTC();
        private ExecutorService workers;
        private ScheduledExecutorService scheduler;
        private ThreadFactory threads;
        private JsonMapper mapper;

        private Builder(JobSource source) {
            this.source = Objects.requireNonNull(source, "source");
        }

        public Builder options(RuntimeOptions options) {
            this.options = Objects.requireNonNull(options);
            return this;
        }

        /** Where requests come from: the plugin's stdin. */
        public Builder input(InputStream input) {
            this.input = input;
            return this;
        }

        /** Where frames go: the plugin's stdout, which nothing else may write. */
        public Builder output(OutputStream output) {
            this.output = output;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** Worker pool for requests; default: {@code thread-pool-size} daemon threads. */
        public Builder workers(ExecutorService workers) {
            this.workers = workers;
            return this;
        }

        /** Timer for heartbeats and metrics; default: one daemon thread. */
        public Builder scheduler(ScheduledExecutorService scheduler) {
            this.scheduler = scheduler;
            return this;
        }

        /** Makes the reader and writer threads (and the default pools' threads); default: daemon threads. */
        public Builder threads(ThreadFactory threads) {
            this.threads = threads;
            return this;
        }

        public Builder mapper(JsonMapper mapper) {
            this.mapper = mapper;
            return this;
        }

        public PluginRuntime build() {
            return new PluginRuntime(this);
        }
    }
}
