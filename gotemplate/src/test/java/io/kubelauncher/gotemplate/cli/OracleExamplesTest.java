package io.kubelauncher.gotemplate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every case of {@code testdata/gotemplate-oracle/examples/*}/cases.txt: the CLI must print exactly the
 * oracle's recorded stdout and stderr, with its exit status.
 */
class OracleExamplesTest {

    /** Cases Java cannot match, with the reason. */
    private static final Map<String, String> KNOWN_DIVERGENCES = Map.of(
            "11-index-slice-len/main",
            "substr/trunc cut UTF-8 bytes and print a lone byte 0xC3; Java strings cannot hold invalid UTF-8");

    @TestFactory
    Stream<DynamicTest> examples() throws IOException {
        Path examples = CliRun.testdata().resolve("gotemplate-oracle/examples");
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(examples)) {
            for (Path dir : dirs.filter(d -> Files.isRegularFile(d.resolve("cases.txt"))).sorted().toList()) {
                for (String line : Files.readAllLines(dir.resolve("cases.txt"), StandardCharsets.UTF_8)) {
                    int hash = line.indexOf('#');
                    String words = (hash >= 0 ? line.substring(0, hash) : line).trim();
                    if (!words.isEmpty()) {
                        tests.add(exampleCase(dir, words.split("\\s+")));
                    }
                }
            }
        }
        assertThat(tests).hasSizeGreaterThan(100);
        return tests.stream();
    }

    private static DynamicTest exampleCase(Path dir, String[] words) {
        List<String> flags = new ArrayList<>();
        String strict = "";
        String missingKey = "";
        String partial = "";
        String name = null;
        for (String w : words) {
            if (w.equals("--strict")) {
                flags.add(w);
                strict = ".strict";
            } else if (w.startsWith("--missingkey=")) {
                flags.add(w);
                missingKey = ".missingkey-" + w.substring("--missingkey=".length());
            } else if (w.equals("--partial")) {
                flags.add(w);
                partial = ".partial";
            } else {
                name = w;
            }
        }
        String id = (name.endsWith(".tpl") ? name.substring(0, name.length() - 4) : name) + strict + missingKey + partial;
        String displayName = dir.getFileName() + "/" + id;
        String template = name;
        return DynamicTest.dynamicTest(displayName, () -> {
            assumeTrue(!KNOWN_DIVERGENCES.containsKey(displayName), () -> KNOWN_DIVERGENCES.get(displayName));
            Path out = dir.resolve("expected_" + id + ".txt");
            Path err = dir.resolve("expected_" + id + ".stderr.txt");
            List<String> args = new ArrayList<>(flags);
            args.addAll(List.of(dir.toString(), template, dir.resolve("data.json").toString()));
            CliRun run = CliRun.of(args.toArray(new String[0]));

            byte[] wantOut = Files.exists(out) ? Files.readAllBytes(out) : new byte[0];
            byte[] wantErr = Files.exists(err) ? Files.readAllBytes(err) : new byte[0];
            String missing = run.undefinedFunction();
            assumeTrue(missing == null || new String(wantErr, StandardCharsets.UTF_8).contains("\"" + missing + "\""),
                    () -> "needs function " + missing + " (gotemplate-functions branch)");
            assertThat(run.stderrText()).as("stderr").isEqualTo(new String(wantErr, StandardCharsets.UTF_8));
            assertThat(run.stdoutText()).as("stdout").isEqualTo(new String(wantOut, StandardCharsets.UTF_8));
            assertThat(run.stdout()).as("stdout bytes").isEqualTo(wantOut);
            assertThat(run.status()).as("exit status").isEqualTo(Files.exists(err) ? 1 : 0);
        });
    }
}
