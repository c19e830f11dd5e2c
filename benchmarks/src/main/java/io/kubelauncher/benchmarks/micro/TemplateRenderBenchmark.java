package io.kubelauncher.benchmarks.micro;

import io.kubelauncher.gotemplate.GoJson;
import io.kubelauncher.gotemplate.RenderOptions;
import io.kubelauncher.gotemplate.StandardFunctions;
import io.kubelauncher.gotemplate.TemplateException;
import io.kubelauncher.gotemplate.TemplateSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One render of a real template with a real job, parse excluded (a template set is parsed once
 * and rendered per job), into a reused buffer: the same work {@code gotemplate-oracle --bench}
 * times in Go. The template directory and data file are resolved against the system property
 * {@code kubelauncher.testdata}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TemplateRenderBenchmark {

    public static final String TEMPLATES = "fixtures/templates/posit-default-2.4.0";
    public static final String TEMPLATE = "job.tpl";
    public static final String DATA = "fixtures/jobs/typical-session.json";

    @Param({TEMPLATES})
    public String templates;

    @Param({TEMPLATE})
    public String template;

    @Param({DATA})
    public String data;

    private TemplateSet set;
    private Map<String, Object> job;
    private final StringBuilder out = new StringBuilder(16384);

    @Setup
    public void setUp() throws Exception {
        String testdata = System.getProperty("kubelauncher.testdata");
        if (testdata == null) {
            throw new IllegalStateException("set -Dkubelauncher.testdata to the repository's testdata directory");
        }
        Path root = Path.of(testdata);
        set = TemplateSet.loadDirectory(root.resolve(templates), StandardFunctions.helmCompatible());
        job = GoJson.readObject(Files.readAllBytes(root.resolve(data)));
        render();
    }

    @Benchmark
    public int render() throws TemplateException {
        out.setLength(0);
        set.render(template, job, RenderOptions.DEFAULT, out);
        return out.length();
    }
}
