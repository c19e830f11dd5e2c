package io.kubelauncher.api.runtime;

/**
 * What the protocol runtime needs from the standard options (spec 2.5).
 *
 * @param heartbeatIntervalSeconds period of unsolicited heartbeats; 0 turns the timer off
 * @param threadPoolSize worker threads for requests
 * @param maxMessageSize largest frame payload accepted or sent, in bytes
 * @param pluginMetricsIntervalSeconds period of metrics frames (API 3.7); 0 turns them off
 */
public record RuntimeOptions(long heartbeatIntervalSeconds, int threadPoolSize, long maxMessageSize,
                             long pluginMetricsIntervalSeconds) {

    public static final long DEFAULT_MAX_MESSAGE_SIZE = 5L * 1024 * 1024;

    public RuntimeOptions {
        if (heartbeatIntervalSeconds < 0 || pluginMetricsIntervalSeconds < 0) {
            throw new IllegalArgumentException("intervals must not be negative");
        }
        if (threadPoolSize < 1) {
            throw new IllegalArgumentException("thread-pool-size must be at least 1");
        }
        if (maxMessageSize < 64 || maxMessageSize > Integer.MAX_VALUE - 64) {
            throw new IllegalArgumentException("max-message-size must be between 64 and " + (Integer.MAX_VALUE - 64));
        }
    }

    /** The SDK defaults: heartbeat 5 s, max(4, #cpus) workers, 5 MiB, metrics every 60 s. */
    public static RuntimeOptions defaults() {
        return new RuntimeOptions(5, Math.max(4, Runtime.getRuntime().availableProcessors()),
                DEFAULT_MAX_MESSAGE_SIZE, 60);
    }

    public RuntimeOptions withHeartbeatIntervalSeconds(long seconds) {
        return new RuntimeOptions(seconds, threadPoolSize, maxMessageSize, pluginMetricsIntervalSeconds);
    }

    public RuntimeOptions withThreadPoolSize(int size) {
        return new RuntimeOptions(heartbeatIntervalSeconds, size, maxMessageSize, pluginMetricsIntervalSeconds);
    }

    public RuntimeOptions withMaxMessageSize(long bytes) {
        return new RuntimeOptions(heartbeatIntervalSeconds, threadPoolSize, bytes, pluginMetricsIntervalSeconds);
    }

    public RuntimeOptions withPluginMetricsIntervalSeconds(long seconds) {
        return new RuntimeOptions(heartbeatIntervalSeconds, threadPoolSize, maxMessageSize, seconds);
    }
}
