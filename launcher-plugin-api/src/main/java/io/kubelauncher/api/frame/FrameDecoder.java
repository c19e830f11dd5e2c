package io.kubelauncher.api.frame;

import java.util.Arrays;
import java.util.Optional;

/**
 * Splits a byte stream into frames: a 4-byte unsigned big-endian payload length, then the payload
 * (spec 1.2). Reads are stream oriented: {@link #feed} accepts any slice of the stream (part of a
 * header, part of a payload, several frames) and keeps its state between calls (spec 1.3).
 *
 * <p>A header announcing more than the maximum does not lose the framing: the payload is read and
 * discarded, keeping only its first bytes so that the caller can try to recover the request id and
 * answer (spec 1.4, recommendation). Not thread-safe; one reader thread owns it.
 */
public final class FrameDecoder {

    /** Bytes of an oversized payload kept for recovering its request id. */
    public static final int OVERSIZED_PREFIX_BYTES = 64 * 1024;

    public static final int HEADER_BYTES = 4;

    /** Receives what the decoder finds, on the thread that calls {@link #feed}. */
    public interface Listener {
        /** A complete payload (possibly empty), handed over: the decoder keeps no reference. */
        void onFrame(byte[] payload);

        /**
         * A frame whose announced length exceeded the maximum has been read and discarded.
         *
         * @param prefix its first bytes, at most {@link #OVERSIZED_PREFIX_BYTES}
         */
        void onOversizedFrame(long length, byte[] prefix);
    }

    /** A frame cut short by the end of the stream. */
    public record Truncation(int headerBytesSeen, long announcedLength, long payloadBytesSeen, byte[] prefix) {
    }

    private enum State { HEADER, PAYLOAD, DISCARD }

    private final long maxPayload;
    private final Listener listener;

    private State state = State.HEADER;
    private final byte[] header = new byte[HEADER_BYTES];
    private int headerSeen;
    private long length;
    private byte[] payload;
    private int payloadSeen;
    private long discardRemaining;
    private byte[] prefix;
    private int prefixSeen;

    public FrameDecoder(long maxPayload, Listener listener) {
        if (maxPayload < 0) {
            throw new IllegalArgumentException("maximum payload must not be negative");
        }
        this.maxPayload = maxPayload;
        this.listener = listener;
    }

    public void feed(byte[] data, int offset, int count) {
        int pos = offset;
        int end = offset + count;
        while (pos < end) {
            switch (state) {
                case HEADER -> {
                    int n = Math.min(HEADER_BYTES - headerSeen, end - pos);
                    System.arraycopy(data, pos, header, headerSeen, n);
                    headerSeen += n;
                    pos += n;
                    if (headerSeen == HEADER_BYTES) {
                        startPayload();
                    }
                }
                case PAYLOAD -> {
                    int n = Math.min(payload.length - payloadSeen, end - pos);
                    System.arraycopy(data, pos, payload, payloadSeen, n);
                    payloadSeen += n;
                    pos += n;
                    if (payloadSeen == payload.length) {
                        emitPayload();
                    }
                }
                case DISCARD -> {
                    int n = (int) Math.min(discardRemaining, end - pos);
                    int keep = Math.min(n, prefix.length - prefixSeen);
                    System.arraycopy(data, pos, prefix, prefixSeen, keep);
                    prefixSeen += keep;
                    discardRemaining -= n;
                    pos += n;
                    if (discardRemaining == 0) {
                        emitOversized();
                    }
                }
                default -> throw new IllegalStateException(state.name());
            }
        }
    }

    /** Whether the stream is between frames (no partial frame pending). */
    public boolean atFrameBoundary() {
        return state == State.HEADER && headerSeen == 0;
    }

    /** Call at the end of the stream: describes the partial frame it cut short, if any. */
    public Optional<Truncation> finish() {
        Optional<Truncation> result = switch (state) {
            case HEADER -> headerSeen == 0 ? Optional.empty()
                    : Optional.of(new Truncation(headerSeen, -1, 0, new byte[0]));
            case PAYLOAD -> Optional.of(new Truncation(HEADER_BYTES, length, payloadSeen,
                    Arrays.copyOf(payload, Math.min(payloadSeen, OVERSIZED_PREFIX_BYTES))));
            case DISCARD -> Optional.of(new Truncation(HEADER_BYTES, length, length - discardRemaining,
                    Arrays.copyOf(prefix, prefixSeen)));
        };
        reset();
        return result;
    }

    private void startPayload() {
        length = ((header[0] & 0xFFL) << 24) | ((header[1] & 0xFFL) << 16) | ((header[2] & 0xFFL) << 8)
                | (header[3] & 0xFFL);
        headerSeen = 0;
        if (length > maxPayload) {
            state = State.DISCARD;
            discardRemaining = length;
            prefix = new byte[(int) Math.min(length, OVERSIZED_PREFIX_BYTES)];
            prefixSeen = 0;
            if (discardRemaining == 0) {
                emitOversized();
            }
            return;
        }
        payload = new byte[(int) length];
        payloadSeen = 0;
        state = State.PAYLOAD;
        if (length == 0) {
            emitPayload();
        }
    }

    private void emitPayload() {
        byte[] complete = payload;
        reset();
        listener.onFrame(complete);
    }

    private void emitOversized() {
        long announced = length;
        byte[] kept = prefix;
        reset();
        listener.onOversizedFrame(announced, kept);
    }

    private void reset() {
        state = State.HEADER;
        headerSeen = 0;
        payload = null;
        payloadSeen = 0;
        prefix = null;
        prefixSeen = 0;
        discardRemaining = 0;
        length = 0;
    }
}
