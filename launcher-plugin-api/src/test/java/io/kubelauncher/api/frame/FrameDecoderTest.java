package io.kubelauncher.api.frame;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class FrameDecoderTest {

    private final List<byte[]> frames = new ArrayList<>();
    private final List<Long> oversized = new ArrayList<>();

    private FrameDecoder decoder(long max) {
        frames.clear();
        oversized.clear();
        return new FrameDecoder(max, new FrameDecoder.Listener() {
            @Override
            public void onFrame(byte[] payload) {
                frames.add(payload);
            }

            @Override
            public void onOversizedFrame(long length, byte[] prefix) {
                oversized.add(length);
            }
        });
    }

    private static byte[] frame(String payload) {
        return FrameEncoder.frame(payload.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aPayloadOfExactlyTheMaximumIsAcceptedOneMoreIsNot() {
        FrameDecoder d = decoder(5);
        d.feed(frame("12345"), 0, 9);
        d.feed(frame("123456"), 0, 10);
        d.feed(frame("ok"), 0, 6);
        assertThat(frames).extracting(String::new).containsExactly("12345", "ok");
        assertThat(oversized).containsExactly(6L);
        assertThat(d.atFrameBoundary()).isTrue();
    }

    @Test
    void emptyPayloadsAreFramesToo() {
        FrameDecoder d = decoder(10);
        d.feed(new byte[] {0, 0, 0, 0, 0, 0, 0, 1, 'x'}, 0, 9);
        assertThat(frames).hasSize(2);
        assertThat(frames.get(0)).isEmpty();
    }

    @Test
    void lengthsAreUnsigned() {
        FrameDecoder d = decoder(1024);
        d.feed(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 1, 2}, 0, 6);
        assertThat(d.finish()).hasValueSatisfying(t -> {
            assertThat(t.announcedLength()).isEqualTo(4_294_967_295L);
            assertThat(t.payloadBytesSeen()).isEqualTo(2);
        });
    }

    @Test
    void finishReportsAPartialHeader() {
        FrameDecoder d = decoder(10);
        d.feed(new byte[] {0, 0}, 0, 2);
        assertThat(d.finish()).hasValueSatisfying(t -> assertThat(t.headerBytesSeen()).isEqualTo(2));
        assertThat(d.finish()).isEmpty();
    }

    @Provide
    Arbitrary<List<String>> payloads() {
        return Arbitraries.strings().withCharRange(' ', '\u2000').ofMaxLength(300).list().ofMaxSize(20);
    }

    /** However the stream is cut into reads, the same payloads come out in the same order. */
    @Property(tries = 300)
    void anySplittingOfTheStreamYieldsTheSamePayloads(@ForAll("payloads") List<String> payloads,
                                                      @ForAll @Size(max = 30) List<@IntRange(min = 1, max = 50) Integer> cuts) {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        payloads.forEach(p -> stream.writeBytes(frame(p)));
        byte[] bytes = stream.toByteArray();
        FrameDecoder d = decoder(1 << 20);
        int pos = 0;
        int i = 0;
        while (pos < bytes.length) {
            int n = cuts.isEmpty() ? bytes.length : Math.min(cuts.get(i++ % cuts.size()), bytes.length - pos);
            d.feed(bytes, pos, n);
            pos += n;
        }
        assertThat(frames).extracting(b -> new String(b, StandardCharsets.UTF_8)).containsExactlyElementsOf(payloads);
        assertThat(d.finish()).isEmpty();
    }

    /** Random bytes never throw, and every byte is accounted for by frames or the final truncation. */
    @Property(tries = 500)
    void randomBytesNeverBreakTheDecoder(@ForAll @Size(max = 2000) byte[] bytes, @ForAll @IntRange(min = 0, max = 600) int max) {
        FrameDecoder d = decoder(max);
        d.feed(bytes, 0, bytes.length);
        long consumed = 0;
        for (byte[] f : frames) {
            consumed += 4 + f.length;
        }
        for (long length : oversized) {
            consumed += 4 + length;
        }
        var truncation = d.finish();
        if (truncation.isPresent()) {
            var t = truncation.get();
            consumed += t.headerBytesSeen() + t.payloadBytesSeen();
        }
        assertThat(consumed).isEqualTo(bytes.length);
        assertThat(frames).allSatisfy(f -> assertThat(f.length).isLessThanOrEqualTo(max));
    }

    @Test
    void encoderWritesTheBigEndianLength() {
        byte[] framed = FrameEncoder.frame(new byte[300]);
        assertThat(ByteBuffer.wrap(framed).getInt()).isEqualTo(300);
        FrameEncoder encoder = new FrameEncoder(1);
        encoder.write(new byte[70_000], 0, 70_000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            encoder.writeFrameTo(out);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        assertThat(ByteBuffer.wrap(out.toByteArray()).getInt()).isEqualTo(70_000);
        assertThat(out.size()).isEqualTo(70_004);
    }
}
