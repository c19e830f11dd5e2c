package io.kubelauncher.kubernetes.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TemplateLineMapTest {

    private final TemplateLineMap map = TemplateLineMap.align(
            Fixtures.template("posit-default-2.4.0", "job.tpl"),
            Fixtures.rendered("posit-default-2.4.0", "metadata-rich", "job.tpl"));

    @Test
    void literalLinesMapToThemselves() {
        assertThat(map.templateLine(1)).isEqualTo(1); // # Version: 2.4.0
        assertThat(map.templateLine(15)).isEqualTo(23); // backoffLimit: 0
        assertThat(map.templateLine(26)).isEqualTo(39); // user_metadata: ...
    }

    @Test
    void continuationOfAMultiLineValueStaysWithItsKey() {
        assertThat(map.templateLine(27)).isEqualTo(39);
    }

    @Test
    void linesProducedByARangeMapToTheRangeBody() {
        assertThat(map.templateLine(28)).isEqualTo(43); // note: "yes", from {{ $key }}: {{ toYaml $val }}
        assertThat(map.templateLine(38)).isEqualTo(91); // runAsGroup: 1500, from the securityContext range
    }

    @Test
    void trimMarkersJoinLines() {
        TemplateLineMap joined = TemplateLineMap.align("a: 1\n{{- if true }}\nb: 2\n{{- end }}\nc: 3\n", "a: 1\nb: 2\nc: 3\n");
        assertThat(joined.templateLine(1)).isEqualTo(1);
        assertThat(joined.templateLine(2)).isEqualTo(3);
        assertThat(joined.templateLine(3)).isEqualTo(5);
    }
}
