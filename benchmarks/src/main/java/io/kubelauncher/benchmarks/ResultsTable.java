package io.kubelauncher.benchmarks;

import java.util.List;

/** The report {@code bin/bench} prints: the machine, then one Markdown table, then the raw numbers. */
final class ResultsTable {

    private ResultsTable() {
    }

    static String render(Machine machine, String loadAfter, boolean quick, List<String> suiteTimes, List<Figure> figures) {
        StringBuilder out = new StringBuilder();
        out.append("Machine: ").append(machine.describe()).append('\n');
        out.append("Date: ").append(machine.at()).append("; ").append(quick ? "quick run (bin/bench --quick)" : "full run (bin/bench)").append('\n');
        out.append("Load average (1/5/15 min): ").append(machine.loadAverage()).append(" at the start, ").append(loadAfter).append(" at the end\n");
        out.append("Suites: ").append(String.join("; ", suiteTimes)).append("\n\n");
        out.append("| what | goal | measured | verdict |\n|---|---|---|---|\n");
        for (Figure figure : figures) {
            out.append("| ").append(cell(figure.what())).append(" | ").append(cell(figure.goal())).append(" | ")
                    .append(cell(figure.measured())).append(" | ").append(figure.verdict().label()).append(" |\n");
        }
        out.append("\nRaw numbers:\n\n");
        for (Figure figure : figures) {
            if (!figure.raw().isEmpty()) {
                out.append("- ").append(figure.what()).append(": ").append(figure.raw()).append('\n');
            }
        }
        return out.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
