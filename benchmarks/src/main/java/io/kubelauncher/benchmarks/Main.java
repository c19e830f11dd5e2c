package io.kubelauncher.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code bin/bench [--quick] [--only=SUITE,...] [--results=FILE]}: runs every benchmark suite in turn
 * (micro benchmarks under JMH, the rest end to end through the packaged plugin process on a
 * SimulatedCluster) and prints one table of figures with their goals, then the raw numbers.
 * Exits 0 when every suite ran (a missed goal is a finding, not a failure), 1 otherwise.
 */
public final class Main {

    private Main() {
    }

    static List<Suite> suites() {
        return List.of(new CodecSuite(), new TemplateSuite(), new RoundTripSuite(), new SubmitSuite(), new StatusLatencySuite(),
                new OutputSuite(), new ManyJobsSuite());
    }

    public static void main(String[] args) throws IOException {
        boolean quick = false;
        Set<String> only = new LinkedHashSet<>();
        Path results = null;
        Path root = Path.of(System.getProperty("kubelauncher.root", ".")).toAbsolutePath().normalize();
        Path pluginJar = root.resolve("kubernetes-launcher/target/rstudio-kubernetes-launcher.jar");
        Path oracle = Path.of(System.getProperty("gotemplate.oracle",
                System.getProperty("user.home") + "/.cache/kubelauncher/gotemplate-oracle"));
        List<String> known = suites().stream().map(Suite::name).toList();
        for (String arg : args) {
            if (arg.equals("--quick")) {
                quick = true;
            } else if (arg.startsWith("--only=")) {
                for (String name : arg.substring("--only=".length()).split(",")) {
                    if (!known.contains(name)) {
                        System.err.println("bench: unknown suite '" + name + "'; suites: " + String.join(", ", known));
                        System.exit(2);
                    }
                    only.add(name);
                }
            } else if (arg.startsWith("--results=")) {
                results = Path.of(arg.substring("--results=".length()));
            } else {
                System.err.println("bench: unknown argument '" + arg + "'\nusage: bin/bench [--quick] [--only=" + String.join(",", known)
                        + "] [--results=FILE]");
                System.exit(2);
            }
        }
        if (!Files.isRegularFile(pluginJar)) {
            System.err.println("bench: no packaged plugin at " + pluginJar + " (bin/bench builds it)");
            System.exit(2);
        }
        Path work = Files.createTempDirectory("kubelauncher-bench");
        // e.g. BENCH_PLUGIN_JAVA_OPTS=-XX:StartFlightRecording=filename=/tmp/plugin.jfr to profile the plugin
        String pluginOptions = System.getenv().getOrDefault("BENCH_PLUGIN_JAVA_OPTS", "").trim();
        List<String> pluginJvm = pluginOptions.isEmpty() ? List.of() : List.of(pluginOptions.split("\\s+"));
        BenchEnvironment env = new BenchEnvironment(root.resolve("bin/rstudio-kubernetes-launcher"), pluginJar, pluginJvm, oracle, root.resolve("testdata"), work, quick, System.err);
        Machine before = Machine.now();
        env.log("%s; load average %s; %s run", before.describe(), before.loadAverage(), quick ? "quick" : "full");
        env.log("plugin configurations and logs go to %s (kept for inspection)", work);

        List<Figure> figures = new ArrayList<>();
        List<String> loads = new ArrayList<>();
        boolean allRan = true;
        for (Suite suite : suites()) {
            if (!only.isEmpty() && !only.contains(suite.name())) {
                continue;
            }
            env.log("suite %s (load average %s)", suite.name(), Machine.loadAverageNow());
            long start = System.nanoTime();
            try {
                figures.addAll(suite.run(env));
            } catch (Exception | AssertionError e) {
                allRan = false;
                env.log("suite %s failed: %s", suite.name(), e);
                e.printStackTrace(env.progress());
                figures.addAll(suite.unmeasured(suite.name() + " failed: " + String.valueOf(e.getMessage()).lines().findFirst().orElse("")));
            }
            loads.add(String.format("%s %.0f s (load after: %s)", suite.name(), (System.nanoTime() - start) / 1e9, Machine.loadAverageNow()));
        }
        String report = ResultsTable.render(before, Machine.loadAverageNow(), quick, loads, figures);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.print(report);
        if (results != null) {
            Files.writeString(results, report);
        }
        System.exit(allRan ? 0 : 1);
    }
}
