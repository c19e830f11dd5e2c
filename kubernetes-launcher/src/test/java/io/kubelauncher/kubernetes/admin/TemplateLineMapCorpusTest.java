package io.kubelauncher.kubernetes.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Invariants of the line map over every real rendering Go produced from the vendor and Helm templates. */
class TemplateLineMapCorpusTest {

    static Stream<Arguments> renderings() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        try (Stream<Path> outputs = Files.walk(Fixtures.root().resolve("expected"))) {
            for (Path out : outputs.filter(p -> p.toString().endsWith(".tpl.out")).sorted().toList()) {
                String file = out.getFileName().toString().replace(".out", "");
                String folder = out.getParent().getParent().getFileName().toString();
                cases.add(Arguments.of(folder, out.getParent().getFileName().toString(), file));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("renderings")
    void literalLinesMapToTheirOwnTextAndTheMapIsMonotone(String folder, String job, String file) {
        String template = Fixtures.template(folder, file);
        String rendered = Fixtures.rendered(folder, job, file);
        String[] templateLines = template.split("\n", -1);
        String[] renderedLines = rendered.lines().toArray(String[]::new);
        TemplateLineMap map = TemplateLineMap.align(template, rendered);

        int previous = 1;
        for (int r = 1; r <= renderedLines.length; r++) {
            int t = map.templateLine(r);
            assertThat(t).as("rendered line %d", r).isBetween(1, templateLines.length).isGreaterThanOrEqualTo(previous);
            previous = t;
            String source = templateLines[t - 1];
            if (!source.contains("{{")) {
                assertThat(renderedLines[r - 1]).as("rendered line %d maps to literal template line %d", r, t)
                        .isEqualTo(source);
            }
        }
    }
}
