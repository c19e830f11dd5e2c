package io.kubelauncher.gotemplate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The real-world launcher templates: every {@code fixtures/templates/SET} with every {@code fixtures/jobs/JOB.json}
 * renders exactly {@code fixtures/expected/SET/JOB/job.tpl.out} and {@code service.tpl.out} (or fails with
 * the {@code .err} text).
 */
class FixturesTest {

    @TestFactory
    Stream<DynamicTest> fixtures() throws IOException {
        Path fixtures = CliRun.testdata().resolve("fixtures");
        List<DynamicTest> tests = new ArrayList<>();
        List<Path> sets;
        List<Path> jobs;
        try (Stream<Path> s = Files.list(fixtures.resolve("templates")); Stream<Path> j = Files.list(fixtures.resolve("jobs"))) {
            sets = s.filter(Files::isDirectory).sorted().toList();
            jobs = j.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        for (Path set : sets) {
            for (Path job : jobs) {
                String jobName = job.getFileName().toString().replaceFirst("\\.json$", "");
                for (String template : List.of("job.tpl", "service.tpl")) {
                    Path expected = fixtures.resolve("expected").resolve(set.getFileName().toString()).resolve(jobName);
                    tests.add(DynamicTest.dynamicTest(set.getFileName() + "/" + jobName + "/" + template,
                            () -> check(set, template, job, expected.resolve(template + ".out"), expected.resolve(template + ".err"))));
                }
            }
        }
        assertThat(tests).hasSize(144);
        return tests.stream();
    }

    private static void check(Path set, String template, Path job, Path out, Path err) throws IOException {
        CliRun run = CliRun.of(set.toString(), template, job.toString());
        String missing = run.undefinedFunction();
        assumeTrue(missing == null, () -> "needs function " + missing + " (gotemplate-functions branch)");
        if (Files.exists(err)) {
            assertThat(run.stderrText()).isEqualTo(Files.readString(err, StandardCharsets.UTF_8));
            assertThat(run.status()).isEqualTo(1);
        } else {
            assertThat(run.stderrText()).as("stderr").isEmpty();
            assertThat(run.stdoutText()).isEqualTo(Files.readString(out, StandardCharsets.UTF_8));
            assertThat(run.stdout()).isEqualTo(Files.readAllBytes(out));
            assertThat(run.status()).isZero();
        }
    }
}
