package io.kubelauncher.gotemplate.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kubelauncher.gotemplate.GoJson;
import io.kubelauncher.gotemplate.TemplateException;
import io.kubelauncher.gotemplate.TemplateSet;
import io.kubelauncher.gotemplate.function.TemplateFunction;
import io.kubelauncher.gotemplate.helm.HelmFunctions;
import io.kubelauncher.gotemplate.sprig.SprigLibrary;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Renders one template through our engine (Sprig + Helm functions) and through the Go oracle, and
 * compares what each prints (output, or the error text on failure).
 */
final class Differential {

    static final String DATA = """
            {"name":"web","nums":[1,2.5,1000000],"tags":["x","y"],"zero":0,"one":1,"half":0.5,"str3":"3",
             "nothing":null,"yes":true,"emptyList":[],"emptyMap":{},"m":{"a":1,"b":{"c":"d"}},
             "big":12345678901234567890,"port":8080,"user":"root","cmd":"echo","args":["a","b c"],
             "when":1700000000,"text":"Hello, World! héllo 123 abc-def_ghi"}
            """;

    private static final Map<String, TemplateFunction> FUNCTIONS = functions();

    private Differential() {
    }

    private static Map<String, TemplateFunction> functions() {
        Map<String, TemplateFunction> f = new HashMap<>(SprigLibrary.create().functions());
        f.putAll(HelmFunctions.create().functions());
        f.put("include", TemplateSet.INCLUDE);
        return f;
    }

    static Path oracle() {
        Path p = Path.of(System.getProperty("gotemplate.oracle", ""));
        assumeTrue(Files.isExecutable(p), "the Go oracle is not built: " + p);
        return p;
    }

    /** What our engine prints for the template, or "ERROR: " and the error message. */
    static String ours(String template) {
        try {
            TemplateSet set = TemplateSet.builder(FUNCTIONS).parse("main.tpl", template).build();
            return set.render("main.tpl", GoJson.readObject(DATA.getBytes(StandardCharsets.UTF_8)));
        } catch (TemplateException | GoJson.JsonException e) {
            return "ERROR: " + e.getMessage();
        }
    }

    /** What the Go oracle prints for the template, or "ERROR: " and its error message. */
    static String go(String template) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("gotpl");
        try {
            Files.writeString(dir.resolve("main.tpl"), template);
            Files.writeString(dir.resolve("data.json"), DATA);
            Process p = new ProcessBuilder(oracle().toString(), dir.toString(), "main.tpl", dir.resolve("data.json").toString())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            byte[] out = p.getInputStream().readAllBytes();
            byte[] err = p.getErrorStream().readAllBytes();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            if (p.exitValue() != 0) {
                String e = new String(err, StandardCharsets.UTF_8);
                return "ERROR: " + (e.endsWith("\n") ? e.substring(0, e.length() - 1) : e);
            }
            return new String(out, StandardCharsets.UTF_8);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(dir);
        }
    }
}
