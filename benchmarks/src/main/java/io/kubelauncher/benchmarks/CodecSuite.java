package io.kubelauncher.benchmarks;

import io.kubelauncher.benchmarks.micro.CodecBenchmark;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;

/** The frame codec's hot paths under JMH ({@link CodecBenchmark}); figures without goals, for regressions. */
final class CodecSuite implements Suite {

    @Override
    public String name() {
        return "codec";
    }

    @Override
    public List<Figure> unmeasured(String reason) {
        return List.of(Figure.failed("Frame codec (JMH CodecBenchmark)", "", reason));
    }

    @Override
    public List<Figure> run(BenchEnvironment env) throws Exception {
        Collection<RunResult> results = Jmh.run(env, CodecBenchmark.class);
        List<String> scores = new ArrayList<>();
        String split = "";
        for (RunResult result : results) {
            String method = result.getParams().getBenchmark().substring(result.getParams().getBenchmark().lastIndexOf('.') + 1);
            double score = result.getPrimaryResult().getScore();
            scores.add(String.format(Locale.ROOT, "%s %,.0f ± %,.0f ops/s", method, score, result.getPrimaryResult().getScoreError()));
            if (method.equals("splitHundredFrames")) {
                split = String.format(Locale.ROOT, "; splitting: %,.0f frames/s", score * 100);
            }
        }
        String all = String.join("; ", scores);
        env.log("codec: %s", all);
        return List.of(Figure.informative("Frame codec (JMH CodecBenchmark, 1 thread)", all + split,
                "JMH throughput mode, " + Jmh.describe(env)));
    }
}
