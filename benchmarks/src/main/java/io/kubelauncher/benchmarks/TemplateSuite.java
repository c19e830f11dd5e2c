package io.kubelauncher.benchmarks;

import io.kubelauncher.benchmarks.micro.TemplateRenderBenchmark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.RunResult;

/**
 * Template render time against Go's, in the same run (issue 4): {@code posit-default-2.4.0/job.tpl}
 * with {@code typical-session.json}, rendered by our engine under JMH and by Go's text/template +
 * Sprig in {@code gotemplate-oracle --bench N} (run before and after JMH, the faster kept as Go's
 * best). Our CLI's {@code --bench N}, the same loop as Go's, is run too for an equal-harness view.
 * Goal: our render takes at most half of Go's time.
 */
final class TemplateSuite implements Suite {

    private static final String WHAT = "Render posit-default-2.4.0/job.tpl × typical-session.json, Java vs Go";
    private static final String GOAL = "Java ≤ ½ of Go";
    private static final Pattern BENCH = Pattern.compile("renders=(\\d+) ns_per_render=(\\d+) bytes=(\\d+)");

    @Override
    public String name() {
        return "template";
    }

    @Override
    public List<Figure> unmeasured(String reason) {
        return List.of(Figure.failed(WHAT, GOAL, reason));
    }

    @Override
    public List<Figure> run(BenchEnvironment env) throws Exception {
        if (!Files.isExecutable(env.oracle())) {
            return unmeasured("no Go oracle at " + env.oracle() + " (bin/test builds it)");
        }
        int renders = env.size(100_000, 20_000);
        Path templates = env.testdata().resolve(TemplateRenderBenchmark.TEMPLATES);
        Path data = env.testdata().resolve(TemplateRenderBenchmark.DATA);
        List<String> goArgs = List.of(env.oracle().toString(), "--bench", Integer.toString(renders), templates.toString(),
                TemplateRenderBenchmark.TEMPLATE, data.toString());
        List<Bench> go = new ArrayList<>();
        go.add(bench(goArgs));
        RunResult jmh = Jmh.run(env, TemplateRenderBenchmark.class).iterator().next();
        go.add(bench(goArgs));
        List<String> javaArgs = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), "io.kubelauncher.gotemplate.cli.Main"));
        javaArgs.addAll(goArgs.subList(1, goArgs.size()));
        Bench javaCli = bench(javaArgs);
        if (javaCli.bytes != go.get(0).bytes) {
            throw new IllegalStateException("the engines rendered different sizes: Java " + javaCli.bytes + " bytes, Go " + go.get(0).bytes);
        }
        double goBest = Math.min(go.get(0).nanos, go.get(1).nanos);
        double java = jmh.getPrimaryResult().getScore();
        String raw = String.format(Locale.ROOT, "JMH %,.0f ± %,.0f ns/render (%s); Go --bench %d: %,d and %,d ns/render;"
                        + " Java CLI --bench %d (same loop as Go's): %,d ns/render; %d bytes rendered by both",
                java, jmh.getPrimaryResult().getScoreError(), Jmh.describe(env), renders, go.get(0).nanos, go.get(1).nanos, renders,
                javaCli.nanos, javaCli.bytes);
        env.log("template: %s", raw);
        return List.of(Figure.atMost(WHAT, GOAL, java / goBest, 0.5, String.format(Locale.ROOT,
                "Java %,.0f ns vs Go %,.0f ns per render (%.2f× Go's time)", java, goBest, java / goBest), raw));
    }

    private record Bench(long nanos, long bytes) {
    }

    private static Bench bench(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
        Matcher m = BENCH.matcher(out);
        if (!m.find()) {
            throw new IOException(command.get(0) + " printed no 'renders=N ns_per_render=N bytes=N': " + out);
        }
        return new Bench(Long.parseLong(m.group(2)), Long.parseLong(m.group(3)));
    }
}
