package io.kubelauncher.api.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigFileReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsNamesValuesCommentsAndSections() throws Exception {
        Path file = Files.writeString(dir.resolve("k.conf"),
                "# comment\n  api-url = https://k8s:6443  # trailing\n\n[extra]\nkey=a=b\n");
        assertThat(ConfigFileReader.read(file)).containsExactly(
                new OptionValue("api-url", "https://k8s:6443", file + ":2"),
                new OptionValue("extra.key", "a=b", file + ":5"));
    }

    @Test
    void ignoresAByteOrderMark() throws Exception {
        // as Windows editors write it: without this the first option would be unknown, and missing
        Path file = Files.write(dir.resolve("k.conf"),
                ("\uFEFFapi-url=https://k8s\r\nfetch-limit=5\r\n").getBytes(StandardCharsets.UTF_8));
        assertThat(ConfigFileReader.read(file)).containsExactly(
                new OptionValue("api-url", "https://k8s", file + ":1"),
                new OptionValue("fetch-limit", "5", file + ":2"));
    }

    @Test
    void bytesThatAreNotUtf8DoNotMakeTheFileUnreadable() throws Exception {
        // a Latin-1 comment, as an old editor saves it: the options around it still count
        byte[] latin1 = "# r\u00e9glages\nfetch-limit=5\n".getBytes(StandardCharsets.ISO_8859_1);
        Path file = Files.write(dir.resolve("k.conf"), latin1);
        assertThat(ConfigFileReader.read(file)).containsExactly(new OptionValue("fetch-limit", "5", file + ":2"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no equals sign    | fetch-limit=1\\njust words | f:2: expected name=value, got \"just words\"",
            "no name           | =5                       | f:1: missing option name before '='",
            "bad header        | [section                 | f:1: malformed section header \"[section\"",
            "empty header      | []                       | f:1: malformed section header \"[]\"",
            "given twice       | a=1\\n\\na=2              | f:3: option a is already set at f:1",
    })
    void reportsMalformedLinesWithFileAndLine(String name, String text, String message) {
        assertThatThrownBy(() -> ConfigFileReader.parse("f", List.of(text.split("\\\\n", -1))))
                .isInstanceOf(OptionException.class)
                .hasMessage(message);
    }
}
