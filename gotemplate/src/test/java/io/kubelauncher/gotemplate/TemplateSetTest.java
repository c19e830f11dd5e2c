package io.kubelauncher.gotemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubelauncher.gotemplate.exec.MissingKey;
import io.kubelauncher.gotemplate.exec.RenderLimits;
import io.kubelauncher.gotemplate.function.FunctionException;
import io.kubelauncher.gotemplate.function.GoType;
import io.kubelauncher.gotemplate.function.Signature;
import io.kubelauncher.gotemplate.function.TemplateFunction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The executor through the public API, with Go's builtins, include and a test function. */
class TemplateSetTest {

    private static final TemplateFunction UPPER = new TemplateFunction() {
        @Override
        public Signature signature() {
            return Signature.of(GoType.STRING, GoType.STRING);
        }

        @Override
        public Object call(Object[] args) {
            return ((String) args[0]).toUpperCase(java.util.Locale.ROOT);
        }
    };

    private static final TemplateFunction FAIL = new TemplateFunction() {
        @Override
        public Signature signature() {
            return Signature.of(GoType.STRING, GoType.STRING).withError();
        }

        @Override
        public Object call(Object[] args) throws FunctionException {
            throw new FunctionException((String) args[0]);
        }
    };

    private static final Map<String, TemplateFunction> FUNCTIONS =
            Map.of("include", TemplateSet.INCLUDE, "upper", UPPER, "fail", FAIL);

    private static String render(String text, String json) throws Exception {
        return render(text, json, MissingKey.DEFAULT);
    }

    private static String render(String text, String json, MissingKey missingKey) throws Exception {
        TemplateSet set = TemplateSet.builder(FUNCTIONS).parse("t.tpl", text).build();
        return set.render("t.tpl", GoJson.readObject(json.getBytes(StandardCharsets.UTF_8)), RenderOptions.of(missingKey));
    }

    private static String error(String text, String json, MissingKey missingKey) {
        try {
            render(text, json, missingKey);
        } catch (TemplateException e) {
            return e.getMessage();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("no error rendering " + text);
    }

    @Test
    void missingKeysNullsAndTheMissingKeyModes() throws Exception {
        String data = "{\"m\":{\"a\":1},\"nul\":null}";
        assertThat(render("{{.x}} {{.m.x}} {{.x.y.z}} {{.nul}} {{index .m \"x\"}} {{print .x}}", data))
                .isEqualTo("<no value> <no value> <no value> <no value> <no value> <nil>");
        assertThat(error("{{.x}}", data, MissingKey.ERROR))
                .isEqualTo("template: t.tpl:1:2: executing \"t.tpl\" at <.x>: map has no entry for key \"x\"");
        assertThat(error("{{.x.y}}", data, MissingKey.ZERO))
                .isEqualTo("template: t.tpl:1:4: executing \"t.tpl\" at <.x.y>: nil pointer evaluating interface {}.y");
        assertThat(error("{{.nul.y}}", data, MissingKey.DEFAULT))
                .isEqualTo("template: t.tpl:1:6: executing \"t.tpl\" at <.nul.y>: nil pointer evaluating interface {}.y");
        assertThat(render("{{index .m \"x\"}}", data, MissingKey.ERROR)).isEqualTo("<no value>");
    }

    @Test
    void staticInterfaceTypeInFieldErrors() {
        String data = "{\"s\":\"x\",\"l\":[\"y\"]}";
        assertThat(error("{{.s.f}}", data, MissingKey.DEFAULT)).endsWith("can't evaluate field f in type interface {}");
        assertThat(error("{{with .s}}{{.f}}{{end}}", data, MissingKey.DEFAULT)).endsWith("can't evaluate field f in type string");
        assertThat(error("{{$x := .s}}{{$x.f}}", data, MissingKey.DEFAULT)).endsWith("can't evaluate field f in type string");
        assertThat(error("{{range .l}}{{.f}}{{end}}", data, MissingKey.DEFAULT)).endsWith("can't evaluate field f in type interface {}");
    }

    @Test
    void controlFlow() throws Exception {
        String data = "{\"m\":{\"c\":3,\"A\":1,\"_x\":0,\"B\":2},\"l\":[1,2,3,4,5],\"zero\":0,\"items\":[\"a\"]}";
        assertThat(render("{{range $k, $v := .m}}{{$k}}={{$v}};{{end}}", data)).isEqualTo("A=1;B=2;_x=0;c=3;");
        assertThat(render("{{range .l}}{{if eq . 2.0}}{{continue}}{{end}}{{if eq . 4.0}}{{break}}{{end}}{{.}}{{end}}", data))
                .isEqualTo("13");
        assertThat(render("{{range .none}}x{{else}}empty{{end}}", data)).isEqualTo("empty");
        assertThat(render("{{and .zero .nothing.x}} {{or .zero .items}} {{and \"a\" \"b\"}}", data)).isEqualTo("0 [a] b");
        assertThat(render("{{if .zero}}a{{else if .items}}b{{else}}c{{end}}", data)).isEqualTo("b");
        assertThat(render("{{with .zero}}a{{else with .items}}{{len .}}{{end}}", data)).isEqualTo("1");
        assertThat(render("{{$n := 0}}{{range .l}}{{$n = .}}{{end}}{{$n}}", data)).isEqualTo("5");
        assertThat(error("{{range .zero}}{{end}}", data, MissingKey.DEFAULT)).endsWith("range can't iterate over 0");
        assertThat(error("{{range 3}}{{end}}", data, MissingKey.DEFAULT)).endsWith("range can't iterate over 3");
    }

    @Test
    void literalsPrintLikeGo() throws Exception {
        assertThat(render("{{3}} {{3.0}} {{1e6}} {{0x10}} {{1_000}} {{'a'}} {{-0.5}} {{1i}} {{\"\\u00e9\"}} {{`r\\n`}}", "{}"))
                .isEqualTo("3 3 1e+06 16 1000 97 -0.5 (0+1i) \u00e9 r\\n");
    }

    @Test
    void functionArgumentsAreConvertedWithGoMessages() throws Exception {
        String data = "{\"n\":1,\"s\":\"x\",\"nul\":null}";
        assertThat(render("{{upper .s}} {{.s | upper}} {{upper \"a\"}}", data)).isEqualTo("X X A");
        assertThat(error("{{upper .n}}", data, MissingKey.DEFAULT))
                .isEqualTo("template: t.tpl:1:8: executing \"t.tpl\" at <.n>: wrong type for value; expected string; got float64");
        assertThat(error("{{upper 1}}", data, MissingKey.DEFAULT)).endsWith("at <1>: expected string; found 1");
        assertThat(error("{{upper .missing}}", data, MissingKey.DEFAULT)).endsWith("invalid value; expected string");
        assertThat(error("{{upper .nul}}", data, MissingKey.DEFAULT)).endsWith("wrong type for value; expected string; got interface {}");
        assertThat(error("{{upper}}", data, MissingKey.DEFAULT)).endsWith("at <upper>: wrong number of args for upper: want 1 got 0");
        assertThat(error("{{fail \"boom\"}}", data, MissingKey.DEFAULT))
                .isEqualTo("template: t.tpl:1:2: executing \"t.tpl\" at <fail \"boom\">: error calling fail: boom");
        assertThat(error("{{eq .n 1}}", data, MissingKey.DEFAULT)).endsWith("error calling eq: incompatible types for comparison");
    }

    @Test
    void errorColumnsAreByteOffsets() {
        assertThat(error("\u00e9\u00e9 {{.x.y}}", "{\"x\":\"s\"}", MissingKey.DEFAULT))
                .startsWith("template: t.tpl:1:9: executing");
    }

    @Test
    void templatesDefinitionsBlocksAndInclude(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.tpl"), "{{define \"x\"}}old{{end}}{{block \"b\" .}}block-a{{end}}|{{template \"x\"}}|"
                + "{{include \"x\" . | upper}}|{{template \"c.tpl\" .v}}");
        Files.writeString(dir.resolve("b.tpl"), "{{define \"x\"}}new{{end}}{{define \"b\"}}block-b{{end}}{{define \"x\"}} {{end}}");
        Files.writeString(dir.resolve("c.tpl"), "c={{.}}");
        Files.writeString(dir.resolve("ignored.txt"), "{{");
        TemplateSet set = TemplateSet.loadDirectory(dir, FUNCTIONS);
        assertThat(set.render("a.tpl", Map.of("v", 1.0))).isEqualTo("block-b|new|NEW|c=1");
        assertThat(set.templateNames()).contains("a.tpl", "b.tpl", "c.tpl", "x", "b");
        assertThatThrownBy(() -> set.render("nope", Map.of()))
                .hasMessage("template: no template \"nope\" associated with template \"gotpl\"");
    }

    @Test
    void aParseErrorInAnyFileFailsTheSet(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.tpl"), "fine");
        Files.writeString(dir.resolve("b.tpl"), "{{ nope }}");
        assertThatThrownBy(() -> TemplateSet.loadDirectory(dir, FUNCTIONS))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template: b.tpl:1: function \"nope\" not defined");
    }

    @Test
    void includeNestingIsBoundedLikeHelm() throws Exception {
        TemplateSet set = TemplateSet.builder(FUNCTIONS).parse("t.tpl", "{{define \"r\"}}{{include \"r\" .}}{{end}}").build();
        RenderOptions options = new RenderOptions(MissingKey.DEFAULT, new RenderLimits(1 << 20, 1_000_000, 100_000, 3));
        assertThatThrownBy(() -> set.render("r", Map.of(), options))
                .hasMessageEndingWith("error calling include: rendering template has a nested reference name: r: unable to execute template")
                .hasMessageStartingWith("template: t.tpl:1:16: executing \"r\" at <include \"r\" .>: error calling include: template: t.tpl:1:16:");
    }

    @Test
    void runawayTemplatesHitTheLimits() throws Exception {
        TemplateSet set = TemplateSet.builder(FUNCTIONS)
                .parse("t.tpl", "{{define \"loop\"}}x{{template \"loop\" .}}{{end}}{{range .l}}{{range $.l}}{{.}}{{end}}{{end}}")
                .build();
        Map<String, Object> data = Map.of("l", java.util.Collections.nCopies(2000, 1.0));
        assertThatThrownBy(() -> set.render("t.tpl", data, new RenderOptions(MissingKey.DEFAULT,
                new RenderLimits(1000, 100_000_000, 100_000, 1000))))
                .hasMessageEndingWith("output exceeds the limit of 1000 characters");
        assertThatThrownBy(() -> set.render("t.tpl", data, new RenderOptions(MissingKey.DEFAULT,
                new RenderLimits(1 << 30, 10_000, 100_000, 1000))))
                .hasMessageEndingWith("execution exceeds the limit of 10000 steps");
        assertThatThrownBy(() -> set.render("loop", data, new RenderOptions(MissingKey.DEFAULT,
                new RenderLimits(1 << 30, 100_000_000, 50, 1000))))
                .hasMessageEndingWith("exceeded maximum template depth (50)");
    }
}
