package io.kubelauncher.kubernetes.source;

import io.kubelauncher.api.model.OutputType;
import io.kubelauncher.api.plugin.ErrorCode;
import io.kubelauncher.api.plugin.OutputSink;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/** An output sink that keeps what it got and counts how the stream ended. */
final class RecordingOutput implements OutputSink {

    final StringBuffer text = new StringBuffer();
    final AtomicInteger completions = new AtomicInteger();
    volatile String failure;
    final CountDownLatch ended = new CountDownLatch(1);

    @Override
    public void output(String chunk, OutputType type) {
        text.append(chunk);
    }

    @Override
    public void complete() {
        completions.incrementAndGet();
        ended.countDown();
    }

    @Override
    public void fail(ErrorCode code, String message) {
        failure = code + ": " + message;
        ended.countDown();
    }

    @Override
    public boolean isClosed() {
        return ended.getCount() == 0;
    }
}
