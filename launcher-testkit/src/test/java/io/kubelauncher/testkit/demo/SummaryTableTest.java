package io.kubelauncher.testkit.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryTableTest {

    @Test
    void allPassedSaysSoAndListsEveryCheck() {
        String table = SummaryTable.render(List.of(new Check("bootstrap", true, "API 3.7.0"),
                new Check("kill: session Killed", true, "exit code 137")));

        assertThat(table.lines()).hasSize(5);
        assertThat(table).contains("  1  PASS    bootstrap             API 3.7.0")
                .contains("  2  PASS    kill: session Killed  exit code 137")
                .endsWith("All 2 checks passed.");
    }

    @Test
    void theVerdictNamesEveryFailedCheck() {
        List<Check> checks = List.of(new Check("bootstrap", true, "ok"), new Check("session: network info", false, "Error 3"),
                new Check("plugin: clean exit", false, "did not exit"));

        assertThat(SummaryTable.verdict(checks)).isEqualTo("FAILED: 2 of 3 checks: session: network info, plugin: clean exit");
        assertThat(SummaryTable.render(checks)).contains("FAIL    session: network info");
    }

    @Test
    void noChecksIsAFailure() {
        assertThat(SummaryTable.verdict(List.of())).isEqualTo("FAILED: no check was made");
    }

    @Test
    void longObservationsAreShortenedToOneLine() {
        String table = SummaryTable.render(List.of(new Check("output", true, "line\n".repeat(40))));

        assertThat(table.lines().filter(l -> l.contains("output")).findFirst().orElseThrow())
                .endsWith("...").doesNotContain("\n").hasSizeLessThan(100);
    }
}
