package io.kubelauncher.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void nearestRankPercentiles() {
        long[] samples = new long[100];
        for (int i = 0; i < 100; i++) {
            samples[i] = (100 - i) * 1_000_000L; // 100 ms down to 1 ms, unsorted on purpose
        }
        Latencies latencies = Latencies.of(samples, 100);
        assertThat(latencies.percentile(0.50)).isEqualTo(50_000_000L);
        assertThat(latencies.percentile(0.99)).isEqualTo(99_000_000L);
        assertThat(latencies.min()).isEqualTo(1_000_000L);
        assertThat(latencies.max()).isEqualTo(100_000_000L);
        assertThat(latencies.p99Millis()).isEqualTo(99.0);
    }

    @Test
    void onlyTheCountedSamplesAreUsed() {
        Latencies latencies = Latencies.of(new long[] {5, 1, 0, 0}, 2);
        assertThat(latencies.count()).isEqualTo(2);
        assertThat(latencies.min()).isEqualTo(1);
        assertThat(Latencies.of(List.of(3L, 2L, 1L)).percentile(0.5)).isEqualTo(2);
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> Latencies.of(new long[0], 0).percentile(0.5)).hasMessageContaining("no samples");
        assertThatThrownBy(() -> Latencies.of(new long[] {1}, 1).percentile(1.5)).hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> Latencies.of(new long[] {1}, 2)).hasMessageContaining("outside 0..1");
    }
}
