package io.kubelauncher.api.plugin;

import io.kubelauncher.api.model.ResourceUtilisation;

/**
 * Where a {@link JobSource} pushes the resource figures of one running job (spec 6.7, 8.2). The
 * runtime shares one source stream among every Launcher request for the job. Thread-safe; after
 * {@link #complete()} or {@link #fail} further calls are ignored.
 */
public interface ResourceSink {

    void utilisation(ResourceUtilisation sample);

    /** The job left the running state or sampling ended: every request gets {@code complete: true}. */
    void complete();

    /** Ends every request of the stream with an Error response. */
    void fail(ErrorCode code, String message);

    /** True once the stream has ended or every request was cancelled. */
    boolean isClosed();
}
