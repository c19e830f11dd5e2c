package io.kubelauncher.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportingTest {

    @Test
    void requestCountsComeFromTheLastSummaryLineThePluginLogs() {
        String logs = """
                21:00:00.000 INFO  Main - API requests sent: {POST jobs=1}
                21:00:09.000 INFO  Main - API requests sent: {GET pods/log=3, LIST jobs=1, POST jobs=12, WATCH events=2}
                """;
        assertThat(PluginProcess.parseRequestCounts(logs))
                .containsExactly(java.util.Map.entry("GET pods/log", 3L), java.util.Map.entry("LIST jobs", 1L),
                        java.util.Map.entry("POST jobs", 12L), java.util.Map.entry("WATCH events", 2L));
        assertThat(PluginProcess.parseRequestCounts("no summary")).isEmpty();
    }

    @Test
    void figuresAreJudgedAgainstTheirGoals() {
        assertThat(Figure.atMost("p99", "< 20 ms", 19.9, 20, "19.9 ms", "").verdict()).isEqualTo(Figure.Verdict.MET);
        assertThat(Figure.atMost("p99", "< 20 ms", 20.1, 20, "20.1 ms", "").verdict()).isEqualTo(Figure.Verdict.MISSED);
        assertThat(Figure.atLeast("rate", "≥ 20,000/s", 19_999, 20_000, "", "").verdict()).isEqualTo(Figure.Verdict.MISSED);
        assertThat(Figure.failed("x", "", "no oracle").verdict()).isEqualTo(Figure.Verdict.NO_GOAL);
        assertThat(Figure.failed("x", "< 3 s", "crashed").verdict()).isEqualTo(Figure.Verdict.MISSED);
    }

    @Test
    void theTableHasOneRowPerFigureAndEscapesPipes() {
        Machine machine = new Machine("cpu", 2, "24 GB", "Linux", "OpenJDK 17", Instant.parse("2026-11-27T21:00:00Z"), "1.00 2.00 3.00");
        String report = ResultsTable.render(machine, "4.00 5.00 6.00", true, List.of("codec 10 s"), List.of(
                Figure.atMost("a|b", "< 1 ms", 2, 1, "2 ms", "raw a"),
                Figure.informative("c", "3/s", "")));
        assertThat(report).contains("Load average (1/5/15 min): 1.00 2.00 3.00 at the start, 4.00 5.00 6.00 at the end")
                .contains("| a\\|b | < 1 ms | 2 ms | MISSED |")
                .contains("| c |  | 3/s |  |")
                .contains("- a|b: raw a")
                .doesNotContain("- c:");
    }
}
