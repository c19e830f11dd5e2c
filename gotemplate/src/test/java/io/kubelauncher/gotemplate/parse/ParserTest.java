package io.kubelauncher.gotemplate.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParserTest {

    private static final Set<String> FUNCTIONS = Set.of("printf", "len", "index", "and", "or", "not", "eq", "upper", "include");

    private static Map<String, Tree> parse(String text) throws ParseException {
        return Parser.parse("t.tpl", text, FUNCTIONS::contains);
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", quoteCharacter = '\'', value = {
        "{{.X}} => {{.X}}",
        "{{ .a.b.c }} => {{.a.b.c}}",
        "{{ $x := 3 }}{{ $x }} => {{$x := 3}}{{$x}}",
        "{{ \"z\" | printf \"%s-%s\" \"a\" }} => {{\"z\" | printf \"%s-%s\" \"a\"}}",
        "{{ (len .l).x }} => {{(len .l).x}}",
        "{{ if .a }}A{{ else if .b }}B{{ else }}C{{ end }} => {{if .a}}A{{else}}{{if .b}}B{{else}}C{{end}}{{end}}",
        "{{ range $i, $v := .l }}{{ $v }}{{ else }}none{{ end }} => {{range $i, $v := .l}}{{$v}}{{else}}none{{end}}",
        "{{ with .x }}{{ . }}{{ else with .y }}Y{{ end }} => {{with .x}}{{.}}{{else}}{{with .y}}Y{{end}}{{end}}",
        "{{ template `x` . }} => {{template \"x\" .}}",
        "{{ block \"b\" . }}B{{ end }} => {{template \"b\" .}}",
        "{{ 0x10 }} {{ 'a' }} {{ 1e3 }} => {{0x10}} {{'a'}} {{1e3}}",
        "{{ .n | }} => {{.n}}",
    })
    void printsTheTreeLikeGo(String input, String expected) throws ParseException {
        assertThat(parse(input).get("t.tpl").root().toString()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", quoteCharacter = '\'', value = {
        "{{ nope }} => template: t.tpl:1: function \"nope\" not defined",
        "{{ $x }} => template: t.tpl:1: undefined variable \"$x\"",
        "{{ if .a }} => template: t.tpl:1: unexpected EOF",
        "{{ end }} => template: t.tpl:1: unexpected {{end}}",
        "{{ if }}{{ end }} => template: t.tpl:1: missing value for if",
        "{{ /* c */ }} => template: t.tpl:1: unexpected \"/\" in command",
        "{{-/* c */}} => template: t.tpl:1: illegal number syntax: \"-\"",
        "{{ .a | 3 }} => template: t.tpl:1: non executable command in pipeline stage 2",
        "{{ 08 }} => template: t.tpl:1: integer overflow: \"08\"",
        "{{ 'ab' }} => template: t.tpl:1: malformed character constant: 'ab'",
        "{{ break }} => template: t.tpl:1: {{break}} outside {{range}}",
        "{{ range $a, $b, $c := . }}{{ end }} => template: t.tpl:1: too many declarations in range",
        "{{ \"a\".x }} => template: t.tpl:1: unexpected . after term \"\\\"a\\\"\"",
        "{{ define \"x\" }}a{{ end }}{{ define \"x\" }}b{{ end }} => template: t.tpl:1: template: multiple definition of template \"x\"",
        "{{ (1 }} => template: t.tpl:1: unclosed left paren",
    })
    void reportsErrorsLikeGo(String input, String message) {
        assertThatThrownBy(() -> parse(input)).isInstanceOf(ParseException.class).hasMessage(message);
    }

    @Test
    void multiLineErrorsReportTheLineGoReports() {
        assertThatThrownBy(() -> parse("a\n{{ .x |")).hasMessage("template: t.tpl:2: unclosed action");
        assertThatThrownBy(() -> parse("{{ .x\n\n}")).hasMessage("template: t.tpl:3: unexpected \"}\" in operand");
        assertThatThrownBy(() -> parse("{{ .x\n\n")).hasMessage("template: t.tpl:3: unclosed action started at t.tpl:1");
    }

    @Test
    void definitionsAndBlocksBecomeTheirOwnTrees() throws ParseException {
        Map<String, Tree> trees = parse("a{{ define \"d\" }}D{{ end }}{{ block \"b\" . }}B{{ end }}");
        assertThat(trees).containsOnlyKeys("t.tpl", "d", "b");
        assertThat(trees.get("d").parseName()).isEqualTo("t.tpl");
        assertThat(trees.get("b").root().toString()).isEqualTo("B");
        assertThat(trees.get("t.tpl").root().toString()).isEqualTo("a{{template \"b\" .}}");
    }

    @Test
    void anEmptyRedefinitionIsIgnored() throws ParseException {
        Map<String, Tree> trees = parse("{{ define \"x\" }}a{{ end }}{{ define \"x\" }} {{/* c */}} {{ end }}");
        assertThat(trees.get("x").root().toString()).isEqualTo("a");
    }

    @Test
    void numbersKeepEveryGoInterpretation() throws ParseException {
        Node.ListNode root = parse("{{ 3.0 }}").get("t.tpl").root();
        Node.NumberNode n = (Node.NumberNode) ((Node.ActionNode) root.nodes().get(0)).pipe().cmds().get(0).args().get(0);
        assertThat(n.isInt()).isTrue();
        assertThat(n.isFloat()).isTrue();
        assertThat(n.int64()).isEqualTo(3);
    }

    @Test
    void errorLocationsUseByteColumns() throws ParseException {
        Tree tree = parse("h\u00e9llo\n\u00e9 {{ .x }}").get("t.tpl");
        Node action = tree.root().nodes().get(1);
        assertThat(tree.location(action)).isEqualTo("t.tpl:2:6"); // "é {{ " is 6 bytes before .x
    }
}
