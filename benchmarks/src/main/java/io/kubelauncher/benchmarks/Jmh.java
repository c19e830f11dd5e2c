package io.kubelauncher.benchmarks;

import java.util.Collection;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/** Runs one JMH benchmark class in a forked JVM with this run's size. */
final class Jmh {

    private Jmh() {
    }

    static Collection<RunResult> run(BenchEnvironment env, Class<?> benchmark) throws RunnerException {
        OptionsBuilder options = new OptionsBuilder();
        options.include(Pattern.quote(benchmark.getName()) + "\\..*")
                .forks(1)
                .warmupIterations(env.size(3, 2)).warmupTime(TimeValue.seconds(env.size(2, 1)))
                .measurementIterations(env.size(5, 3)).measurementTime(TimeValue.seconds(env.size(2, 1)))
                .jvmArgsAppend("-Dkubelauncher.testdata=" + env.testdata())
                .verbosity(VerboseMode.SILENT);
        return new Runner(options.build()).run();
    }

    static String describe(BenchEnvironment env) {
        return "1 fork, " + env.size(3, 2) + " x " + env.size(2, 1) + " s warm-up, " + env.size(5, 3) + " x " + env.size(2, 1) + " s measured";
    }
}
