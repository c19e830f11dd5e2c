package io.kubelauncher.gotemplate.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected texts come from gotemplate-oracle (Go 1.23.5) rendering the same values. */
class GoFmtPrintTest {

    @Test
    void sprintPutsSpacesOnlyBetweenNonStrings() {
        assertThat(GoFmt.sprint(1, 2, "a", "b", 3)).isEqualTo("1 2ab3");
        assertThat(GoFmt.sprint(null, "x", null, null)).isEqualTo("<nil>x<nil> <nil>");
    }

    @Test
    void sprintlnSeparatesEverythingAndEndsWithNewline() {
        assertThat(GoFmt.sprintln(1, "a", null)).isEqualTo("1 a <nil>\n");
    }

    @Test
    void formatsCollectionsLikeGo() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("z", "q");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("c", null);
        m.put("b", Arrays.asList(1.0, inner));
        m.put("a", 1.5);
        assertThat(GoFmt.formatValue(Arrays.asList(1.0, 2.5, 1e6, "s", null, true)))
                .isEqualTo("[1 2.5 1e+06 s <nil> true]");
        assertThat(GoFmt.formatValue(m)).isEqualTo("map[a:1.5 b:[1 map[z:q]] c:<nil>]");
        assertThat(GoFmt.sprint(List.of(), Map.of())).isEqualTo("[] map[]");
        assertThat(GoFmt.formatValue(null)).isEqualTo("<nil>");
    }

    @ParameterizedTest
    @CsvSource({
        "1e+06, 1e6",
        "1.2345678901234567e+19, 12345678901234567890",
        "123456.5, 123456.5",
        "0.0001, 0.0001",
        "9.999999e+06, 9999999",
        "-0, -0.0",
        "1e+20, 1e20",
        "5e-324, 5e-324",
        "1.7976931348623157e+308, 1.7976931348623157e308",
        "0.30000000000000004, 0.30000000000000004",
        "2e+23, 2e23",
        "100000, 100000",
    })
    void formatsFloatsAsStrconvShortest(String expected, double value) {
        assertThat(GoFmt.formatValue(value)).isEqualTo(expected);
    }

    @Test
    void sortsMapKeysBytewiseLikeGo() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("\uD83D\uDE00", 1); // U+1F600 sorts after U+FF01 in UTF-8
        m.put("\uFF01", 2);
        m.put("B", 3);
        m.put("a", 4);
        assertThat(GoFmt.formatValue(m)).isEqualTo("map[B:3 a:4 \uFF01:2 \uD83D\uDE00:1]");
    }
}
