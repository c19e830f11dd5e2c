package io.kubelauncher.kubernetes.source;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CpuTimeTest {

    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    @Test
    void theFirstSampleCountsForItsWindowAndEachNewerOneForTheTimeSinceThePrevious() {
        CpuTime cpu = new CpuTime();
        assertThat(cpu.add(T0, Duration.ofSeconds(10), 0.5)).isCloseTo(5.0, within(1e-9));
        assertThat(cpu.add(T0.plusSeconds(15), Duration.ofSeconds(10), 2.0)).isCloseTo(35.0, within(1e-9));
        assertThat(cpu.add(T0.plusMillis(15_500), Duration.ofMillis(500), 0.25)).isCloseTo(35.125, within(1e-9));
    }

    @Test
    void aSampleSeenAgainOrAnOlderOneAddsNothing() {
        CpuTime cpu = new CpuTime();
        cpu.add(T0, Duration.ofSeconds(1), 1.0);
        assertThat(cpu.add(T0, Duration.ofSeconds(1), 1.0)).isCloseTo(1.0, within(1e-9));
        assertThat(cpu.add(T0.minusSeconds(5), Duration.ofSeconds(1), 1.0)).isCloseTo(1.0, within(1e-9));
        assertThat(cpu.add(T0.plusSeconds(2), Duration.ofSeconds(1), 0.0)).isCloseTo(1.0, within(1e-9));
    }
}
