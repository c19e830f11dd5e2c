package io.kubelauncher.api.frame;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * An output buffer that builds one frame: it reserves the 4-byte header, takes the payload as an
 * {@link OutputStream}, then fills in the length. Reused frame after frame by the single writer.
 */
public final class FrameEncoder extends OutputStream {

    private byte[] buffer;
    private int size;

    public FrameEncoder(int initialCapacity) {
        buffer = new byte[Math.max(initialCapacity, 64)];
        reset();
    }

    /** Starts a new frame, discarding the previous one. */
    public void reset() {
        size = FrameDecoder.HEADER_BYTES;
    }

    public int payloadLength() {
        return size - FrameDecoder.HEADER_BYTES;
    }

    @Override
    public void write(int b) {
        ensure(1);
        buffer[size++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buffer, size, len);
        size += len;
    }

    /** Writes header and payload as one unit. */
    public void writeFrameTo(OutputStream out) throws IOException {
        int length = payloadLength();
        buffer[0] = (byte) (length >>> 24);
        buffer[1] = (byte) (length >>> 16);
        buffer[2] = (byte) (length >>> 8);
        buffer[3] = (byte) length;
        out.write(buffer, 0, size);
    }

    /** The payload bytes, copied. */
    public byte[] payload() {
        return Arrays.copyOfRange(buffer, FrameDecoder.HEADER_BYTES, size);
    }

    /** Encodes one payload into a complete frame (header + payload). */
    public static byte[] frame(byte[] payload) {
        byte[] frame = new byte[FrameDecoder.HEADER_BYTES + payload.length];
        int length = payload.length;
        frame[0] = (byte) (length >>> 24);
        frame[1] = (byte) (length >>> 16);
        frame[2] = (byte) (length >>> 8);
        frame[3] = (byte) length;
        System.arraycopy(payload, 0, frame, FrameDecoder.HEADER_BYTES, length);
        return frame;
    }

    private void ensure(int extra) {
        if (size + extra > buffer.length) {
            long wanted = Math.max((long) buffer.length * 2, (long) size + extra);
            if (wanted > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("frame too large to buffer: " + wanted + " bytes");
            }
            buffer = Arrays.copyOf(buffer, (int) wanted);
        }
    }
}
