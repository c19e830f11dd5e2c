package io.kubelauncher.testkit.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TranscriptTest {

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-11-27T21:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final ManualClock clock = new ManualClock();
    private final Transcript transcript = new Transcript(new PrintStream(bytes, true, StandardCharsets.UTF_8), clock);

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void linesAreStampedWithTheTimeSinceTheStartAndSaySpeaksWho() {
        clock.advance(Duration.ofMillis(1234));
        transcript.ask("alice", "Cluster Info");
        clock.advance(Duration.ofMillis(20));
        transcript.answer("alice", "Cluster Info: containers true");

        assertThat(printed().lines()).containsExactly(
                "[  1.234s] alice -> plugin    Cluster Info",
                "[  1.254s] plugin -> alice    Cluster Info: containers true");
    }

    @Test
    void continuationLinesAreIndentedUnderTheText() {
        transcript.stream("output", "step 1\nstep 2");

        assertThat(printed().lines()).containsExactly(
                "[  0.000s] output stream      step 1",
                "                              step 2");
    }

    @Test
    void checksShowPassOrFail() {
        transcript.check(new Check("bootstrap", true, "API 3.7.0"));
        transcript.check(new Check("kill", false, "still Running"));

        assertThat(printed().lines()).containsExactly(
                "[  0.000s] PASS               bootstrap: API 3.7.0",
                "[  0.000s] FAIL               kill: still Running");
    }

    @Test
    void theTitleCarriesTheWallClockStart() {
        transcript.title("kubelauncher demo");

        assertThat(printed()).isEqualTo("kubelauncher demo (2026-11-27 21:00:00 UTC)" + System.lineSeparator());
    }
}
