package io.kubelauncher.kubernetes.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IniReaderTest {

    @Test
    void readsSectionsKeysAndLinesTrimmingBlanksAndSkippingComments() throws Exception {
        List<IniReader.Section> sections = IniReader.parse("f.conf", String.join("\n",
                "# comment", "; also a comment", "", "[ * ]", "  a = 1  ", "b=x=y", "[user]", "c = \"q # not a comment\" # comment",
                "d=e#f", "[empty]"));
        assertThat(sections).containsExactly(
                new IniReader.Section("*", 4, List.of(new IniReader.Entry("a", "1", 5), new IniReader.Entry("b", "x=y", 6))),
                new IniReader.Section("user", 7, List.of(new IniReader.Entry("c", "\"q # not a comment\"", 8),
                        new IniReader.Entry("d", "e#f", 9))),
                new IniReader.Section("empty", 10, List.of()));
    }

    @Test
    void ignoresAByteOrderMark() throws Exception {
        assertThat(IniReader.parse("f", "\uFEFF[*]\nk=v\n").get(0).name()).isEqualTo("*");
    }

    @Test
    void acceptsWindowsLineEndings() throws Exception {
        assertThat(IniReader.parse("f", "[*]\r\nk=v\r\n").get(0).entries())
                .containsExactly(new IniReader.Entry("k", "v", 2));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "key outside a section      | k=v                   | f.conf:1: key k is outside any section: keys must follow a [section] header",
            "line without =             | [*]\\nnonsense         | f.conf:2: expected key=value or [section], found 'nonsense'",
            "missing key                | [*]\\n=1               | f.conf:2: missing key before '=' in '=1'",
            "duplicate section          | [*]\\na=1\\n[*]\\nb=2   | f.conf:3: duplicate section [*] (first at line 1)",
            "duplicate key              | [*]\\na=1\\na=2         | f.conf:3: duplicate key a in section [*] (first at line 2)",
            "empty section name         | []\\na=1               | f.conf:1: empty section name []",
            "unclosed header            | [abc\\na=1             | f.conf:1: section header [abc has no closing ]",
            "text after header          | [*] a=1               | f.conf:1: unexpected text 'a=1' after section header [*]: put each key=value on its own line",
    })
    void reportsStructuralErrorsWithFileAndLine(String name, String text, String message) {
        assertThatThrownBy(() -> IniReader.parse("f.conf", text.replace("\\n", "\n")))
                .isInstanceOf(ConfigException.class)
                .hasMessage(message);
    }

    @Test
    void reportsEveryProblemAtOnce() {
        assertThatThrownBy(() -> IniReader.parse("f", "a=1\n[*]\nx\n[*]\n"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .extracting(ConfigProblem::origin).containsExactly("f:1", "f:3", "f:4"));
    }
}
