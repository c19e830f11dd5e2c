package io.kubelauncher.gotemplate.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kubelauncher.gotemplate.GoJson;
import io.kubelauncher.gotemplate.TemplateSet;
import io.kubelauncher.gotemplate.StandardFunctions;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * toYaml and fromYaml on seeded random JSON documents built from YAML-hostile fragments (YAML 1.1
 * booleans, numbers in strings, indicators, quotes, line breaks, long text, unicode), rendered by
 * our engine and by the Go oracle in one batch; every document must print identically.
 */
class ToYamlRandomDifferentialTest {

    private static final String[] FRAGMENTS = {"", " ", "a", "yes", "No", "on", "~", "null", "true", "0755", "1e3", "0x1F",
        "1_000", "12", "-3.5", ".inf", "2001-12-14", "12:30", "a: b", "a #b", "#c", "- x", "? q", "!t", "&a", "*b", "%p",
        "@x", "`y", "{a}", "[b]", "it's", "say \"hi\"", "tab\there", "line\nbreak", "end\n", "\n", "  lead", "trail ",
        "héllo ✓", "😀", "<&>", "\\back", "x,y", "a:b", "lorem ipsum dolor sit amet consectetur adipiscing elit sed do",
        "---", "...", "=", "<<", "-", ":", "a\u2028b", "\r\n", "0", "-0", "+1", "08", "1.", ".5"};

    private final Random random = new Random(20261127);

    private String string() {
        StringBuilder b = new StringBuilder();
        int n = random.nextInt(3) + 1;
        for (int i = 0; i < n; i++) {
            b.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
        }
        return b.toString();
    }

    private String json(int depth) {
        int kind = random.nextInt(depth > 3 ? 5 : 8);
        switch (kind) {
            case 0:
                return "null";
            case 1:
                return random.nextBoolean() ? "true" : "false";
            case 2:
                return new String[] {"0", "1", "-7", "3.0", "1.5", "1000000", "1e21", "1e-7", "123456789.5", "12345678901234567890",
                    "0.000001", "-0.0", "1e20", "9007199254740993"}[random.nextInt(14)];
            case 3:
            case 4:
                return quote(string());
            case 5:
            case 6: {
                StringBuilder b = new StringBuilder("{");
                int n = random.nextInt(5);
                for (int i = 0; i < n; i++) {
                    if (i > 0) {
                        b.append(',');
                    }
                    b.append(quote(random.nextInt(3) == 0 ? string() : "k" + random.nextInt(20))).append(':').append(json(depth + 1));
                }
                return b.append('}').toString();
            }
            default: {
                StringBuilder b = new StringBuilder("[");
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    if (i > 0) {
                        b.append(',');
                    }
                    b.append(json(depth + 1));
                }
                return b.append(']').toString();
            }
        }
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> b.append(c);
            }
        }
        return b.append('"').toString();
    }

    @Test
    void randomDocumentsRenderLikeGo() throws Exception {
        Path oracle = Path.of(System.getProperty("gotemplate.oracle", ""));
        assumeTrue(Files.isExecutable(oracle), "the Go oracle is not built");
        List<String> docs = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            docs.add(json(0));
        }
        String data = "{\"docs\":[" + String.join(",", docs) + "]}";
        String template = "{{ range .docs }}{{ toYaml . }}\n~~~\n{{ toYaml . | fromYaml }}\n===\n{{ end }}";
        Path dir = Files.createTempDirectory("toyaml");
        Files.writeString(dir.resolve("main.tpl"), template);
        Files.writeString(dir.resolve("data.json"), data);
        Process p = new ProcessBuilder(oracle.toString(), dir.toString(), "main.tpl", dir.resolve("data.json").toString())
                .redirectErrorStream(true).start();
        String go = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String ours = TemplateSet.builder(StandardFunctions.helmCompatible()).parse("main.tpl", template).build()
                .render("main.tpl", GoJson.readObject(data.getBytes(StandardCharsets.UTF_8)));
        String[] goDocs = go.split("\n===\n", -1);
        String[] ourDocs = ours.split("\n===\n", -1);
        for (int i = 0; i < Math.min(goDocs.length, ourDocs.length); i++) {
            assertThat(ourDocs[i]).as("document %d: %s", i, i < docs.size() ? docs.get(i) : "").isEqualTo(goDocs[i]);
        }
        assertThat(ourDocs.length).isEqualTo(goDocs.length);
        Files.delete(dir.resolve("main.tpl"));
        Files.delete(dir.resolve("data.json"));
        Files.delete(dir);
    }
}
