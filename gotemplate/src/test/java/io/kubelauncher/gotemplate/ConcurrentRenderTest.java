package io.kubelauncher.gotemplate;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubelauncher.gotemplate.exec.MissingKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One parsed set rendered from several threads at once gives every thread Go's output. */
class ConcurrentRenderTest {

    @Test
    void aSetRendersConcurrently() throws Exception {
        Path fixtures = Path.of(System.getProperty("kubelauncher.testdata", "../testdata")).resolve("fixtures");
        TemplateSet set = TemplateSet.loadDirectory(fixtures.resolve("templates/posit-default-2.4.0"),
                StandardFunctions.helmCompatible());
        List<String> jobs = List.of("typical-session", "minimal", "weird-strings", "metadata-rich");
        List<Map<String, Object>> data = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (String job : jobs) {
            data.add(GoJson.readObject(Files.readAllBytes(fixtures.resolve("jobs/" + job + ".json"))));
            expected.add(Files.readString(fixtures.resolve("expected/posit-default-2.4.0/" + job + "/job.tpl.out")));
        }
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t;
                results.add(pool.submit(() -> {
                    start.await();
                    int ok = 0;
                    for (int i = 0; i < 200; i++) {
                        int j = (i + offset) % jobs.size();
                        if (set.render("job.tpl", data.get(j), RenderOptions.of(MissingKey.DEFAULT)).equals(expected.get(j))) {
                            ok++;
                        }
                    }
                    return ok;
                }));
            }
            start.countDown();
            for (Future<Integer> r : results) {
                assertThat(r.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
