package io.kubelauncher.testkit.demo;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The table of checks the demo ends with, and its verdict line naming every failed check. */
final class SummaryTable {

    private static final int OBSERVED_WIDTH = 70;

    private SummaryTable() {
    }

    static String render(List<Check> checks) {
        int nameWidth = Math.max("check".length(), checks.stream().mapToInt(c -> c.name().length()).max().orElse(0));
        String format = "%3s  %-6s  %-" + nameWidth + "s  %s%n";
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, format, "#", "result", "check", "observed"));
        b.append(String.format(Locale.ROOT, format, "---", "------", "-".repeat(nameWidth), "-".repeat(OBSERVED_WIDTH)));
        int n = 1;
        for (Check check : checks) {
            b.append(String.format(Locale.ROOT, format, n++, check.passed() ? "PASS" : "FAIL", check.name(),
                    shorten(check.observed())));
        }
        b.append(verdict(checks));
        return b.toString();
    }

    static String verdict(List<Check> checks) {
        List<Check> failed = checks.stream().filter(c -> !c.passed()).toList();
        if (checks.isEmpty()) {
            return "FAILED: no check was made";
        }
        if (failed.isEmpty()) {
            return "All " + checks.size() + " checks passed.";
        }
        return "FAILED: " + failed.size() + " of " + checks.size() + " checks: "
                + failed.stream().map(Check::name).collect(Collectors.joining(", "));
    }

    private static String shorten(String observed) {
        String oneLine = observed.replace('\n', ' ');
        return oneLine.length() <= OBSERVED_WIDTH ? oneLine : oneLine.substring(0, OBSERVED_WIDTH - 3) + "...";
    }
}
