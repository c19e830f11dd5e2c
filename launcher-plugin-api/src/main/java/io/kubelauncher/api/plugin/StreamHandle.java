package io.kubelauncher.api.plugin;

/**
 * Returned by a {@link JobSource} for a stream it started; the runtime calls {@link #cancel()} once
 * when the Launcher cancels the stream, when the last subscriber of a shared stream leaves, or on
 * shutdown. After cancel the source should stop calling the sink (late calls are ignored).
 */
@FunctionalInterface
public interface StreamHandle {

    /** A handle for a stream with nothing to stop, e.g. one that completed before returning. */
    StreamHandle NONE = () -> { };

    void cancel();
}
