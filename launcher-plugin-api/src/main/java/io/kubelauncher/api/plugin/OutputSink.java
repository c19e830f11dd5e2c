package io.kubelauncher.api.plugin;

import io.kubelauncher.api.model.OutputType;

/**
 * Where a {@link JobSource} pushes one output stream (spec 6.6, 8.3). Thread-safe; may be called
 * from any thread. The runtime numbers the messages, splits chunks that would not fit in one frame,
 * and guarantees exactly one end: the first {@link #complete()} or {@link #fail} wins and later
 * calls are ignored, as are calls after the Launcher cancelled the stream.
 */
public interface OutputSink {

    /**
     * A chunk of output.
     *
     * @param type {@code STDOUT} or {@code STDERR} when the source can tell, else {@code MIXED}
     */
    void output(String text, OutputType type);

    /** All output has been sent; the Launcher gets the final {@code complete: true} message. */
    void complete();

    /** Ends the stream with an Error response, normally {@link ErrorCode#JOB_OUTPUT_NOT_FOUND}. */
    void fail(ErrorCode code, String message);

    /** True once the stream has ended or was cancelled; a source may poll it to stop early. */
    boolean isClosed();
}
