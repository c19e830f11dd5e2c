package io.kubelauncher.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ThreadCpuTest {

    @Test
    void threadsAreSortedByWhatTheyDo() {
        assertThat(ThreadCpu.kind("C2 CompilerThre")).isEqualTo("JIT");
        assertThat(ThreadCpu.kind("C1 CompilerThre")).isEqualTo("JIT");
        assertThat(ThreadCpu.kind("GC Thread#1")).isEqualTo("GC and VM");
        assertThat(ThreadCpu.kind("G1 Refine#0")).isEqualTo("GC and VM");
        assertThat(ThreadCpu.kind("VM Thread")).isEqualTo("GC and VM");
        assertThat(ThreadCpu.kind("kubernetes-1")).isEqualTo("application");
        assertThat(ThreadCpu.kind("main")).isEqualTo("application");
        assertThat(ThreadCpu.kind("java")).isEqualTo("application");
    }

    @Test
    void thisProcessHasApplicationCpu() {
        Map<String, Double> seconds = ThreadCpu.byKind(ProcessHandle.current().pid());
        if (!seconds.isEmpty()) {
            assertThat(seconds).containsKey("application");
            assertThat(ThreadCpu.describe(seconds)).contains("application");
        }
    }
}
