package io.kubelauncher.gotemplate.helm;

import static io.kubelauncher.gotemplate.sprig.OracleSupport.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubelauncher.gotemplate.function.TypedList;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Helm's fromYaml against Go (YAML 1.1 typing, key conversion, JSON round trip, error texts): expected texts
 * printed by gotemplate-oracle for {{ EXPR }} (src/test/oracle/cases_fromyaml.py).
 */
class HelmFromYamlOracleTest {

    private static final HelmFunctions HELM = HelmFunctions.create();

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("rows")
    void matchesGo(String expected, String expr, String name, Object[] args) {
        assertThat(render(HELM.functions(), name, args)).isEqualTo(expected);
    }

    static Stream<Arguments> rows() {
        return Stream.of(
            row("map[a:493 b:true c:1000 d:2001-12-14 e:<nil> f:10 g:1000]", "fromYaml \"a: 0755\\nb: on\\nc: 1e3\\nd: 2001-12-14\\ne: ~\\nf: 012\\ng: 1_000\"", "fromYaml", "a: 0755\nb: on\nc: 1e3\nd: 2001-12-14\ne: ~\nf: 012\ng: 1_000"),
            row("map[a:493 b:true c:yes]", "fromYaml \"b: on\\na: 0755\\nc: 'yes'\"", "fromYaml", "b: on\na: 0755\nc: 'yes'"),
            row("map[Error:error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type map[string]interface {}]", "fromYaml \"- 1\\n- 2\"", "fromYaml", "- 1\n- 2"),
            row("map[Error:error converting YAML to JSON: yaml: mapping values are not allowed in this context]", "fromYaml \"a: b: c\"", "fromYaml", "a: b: c"),
            row("map[]", "fromYaml \"\"", "fromYaml", ""),
            row("map[]", "fromYaml \"~\"", "fromYaml", "~"),
            row("map[Error:error unmarshaling JSON: while decoding JSON: json: cannot unmarshal string into Go value of type map[string]interface {}]", "fromYaml \"hello\"", "fromYaml", "hello"),
            row("map[Error:error unmarshaling JSON: while decoding JSON: json: cannot unmarshal number into Go value of type map[string]interface {}]", "fromYaml \"42\"", "fromYaml", "42"),
            row("map[Error:error unmarshaling JSON: while decoding JSON: json: cannot unmarshal bool into Go value of type map[string]interface {}]", "fromYaml \"true\"", "fromYaml", "true"),
            row("map[a:[1 2 map[b:c]] d:map[e:f]]", "fromYaml \"a: [1, 2, {b: c}]\\nd: {e: f}\"", "fromYaml", "a: [1, 2, {b: c}]\nd: {e: f}"),
            row("map[0.1:tenth 1:one 1000:exp 16:hex 2.5:two true:three]", "fromYaml \"1: one\\n2.5: two\\ntrue: three\\n0x10: hex\\n1e3: exp\\n0.1: tenth\"", "fromYaml", "1: one\n2.5: two\ntrue: three\n0x10: hex\n1e3: exp\n0.1: tenth"),
            row("map[Error:error converting YAML to JSON: json: unsupported value: +Inf]", "fromYaml \"a: .inf\"", "fromYaml", "a: .inf"),
            row("map[Error:error converting YAML to JSON: json: unsupported value: NaN]", "fromYaml \"a: .nan\"", "fromYaml", "a: .nan"),
            row("map[a:9.223372036854776e+18]", "fromYaml \"a: 9223372036854775807\"", "fromYaml", "a: 9223372036854775807"),
            row("map[a:1.8446744073709552e+19]", "fromYaml \"a: 18446744073709551615\"", "fromYaml", "a: 18446744073709551615"),
            row("map[a:-9.223372036854776e+18]", "fromYaml \"a: -9223372036854775808\"", "fromYaml", "a: -9223372036854775808"),
            row("map[a:1.2345678901234568e+22]", "fromYaml \"a: 12345678901234567890123\"", "fromYaml", "a: 12345678901234567890123"),
            row("map[a:map[b:1] c:map[b:1]]", "fromYaml \"a: &x {b: 1}\\nc: *x\"", "fromYaml", "a: &x {b: 1}\nc: *x"),
            row("map[base:map[true:2 x:1] d:map[true:3 x:1]]", "fromYaml \"base: &b {x: 1, y: 2}\\nd:\\n  <<: *b\\n  y: 3\"", "fromYaml", "base: &b {x: 1, y: 2}\nd:\n  <<: *b\n  y: 3"),
            row("map[a:123]", "fromYaml \"a: !!str 123\"", "fromYaml", "a: !!str 123"),
            row("map[a:7]", "fromYaml \"a: !!int '7'\"", "fromYaml", "a: !!int '7'"),
            row("map[a:3]", "fromYaml \"a: !!float 3\"", "fromYaml", "a: !!float 3"),
            row("map[a:x]", "fromYaml \"a: !custom x\"", "fromYaml", "a: !custom x"),
            row("map[a:quoted\ttab]", "fromYaml \"a: \\\"quoted\\\\ttab\\\"\"", "fromYaml", "a: \"quoted\\ttab\""),
            row("map[a:lit\nblock\n]", "fromYaml \"a: |\\n  lit\\n  block\\n\"", "fromYaml", "a: |\n  lit\n  block\n"),
            row("map[a:folded text\n]", "fromYaml \"a: >\\n  folded\\n  text\\n\"", "fromYaml", "a: >\n  folded\n  text\n"),
            row("map[a:2]", "fromYaml \"a: 1\\na: 2\"", "fromYaml", "a: 1\na: 2"),
            row("map[Error:error converting YAML to JSON: yaml: line 4: could not find expected ':']", "fromYaml \"a:\\n  - x\\n  -y\"", "fromYaml", "a:\n  - x\n  -y"),
            row("map[Error:error converting YAML to JSON: yaml: found unexpected end of stream]", "fromYaml \"a: 'unterminated\"", "fromYaml", "a: 'unterminated"),
            row("map[Error:error converting YAML to JSON: yaml: line 2: found character that cannot start any token]", "fromYaml \"a:\\n\\tb: 1\"", "fromYaml", "a:\n\tb: 1"),
            row("map[Error:error converting YAML to JSON: yaml: line 2: mapping values are not allowed in this context]", "fromYaml \"key: value\\n  bad: indent\"", "fromYaml", "key: value\n  bad: indent"),
            row("map[Error:error converting YAML to JSON: yaml: line 1: did not find expected ',' or ']']", "fromYaml \"[1, 2\"", "fromYaml", "[1, 2"),
            row("map[Error:error converting YAML to JSON: yaml: line 1: did not find expected ',' or '}']", "fromYaml \"{a: 1\"", "fromYaml", "{a: 1"),
            row("map[a:5 b:-3 c:15 d:5 e:1:20 f:0.5 g:1 h:8]", "fromYaml \"a: 0b101\\nb: -0b11\\nc: 0o17\\nd: +5\\ne: 1:20\\nf: .5\\ng: 1.\\nh: 08\"", "fromYaml", "a: 0b101\nb: -0b11\nc: 0o17\nd: +5\ne: 1:20\nf: .5\ng: 1.\nh: 08"),
            row("map[a:2001-12-14T21:59:43.10-05:00 b:2001-12-14 21:59:43.10]", "fromYaml \"a: 2001-12-14T21:59:43.10-05:00\\nb: 2001-12-14 21:59:43.10\"", "fromYaml", "a: 2001-12-14T21:59:43.10-05:00\nb: 2001-12-14 21:59:43.10"),
            row("map[a:true b:false c:false d:<nil> e:]", "fromYaml \"a: y\\nb: n\\nc: Off\\nd: NULL\\ne: ''\"", "fromYaml", "a: y\nb: n\nc: Off\nd: NULL\ne: ''"),
            row("map[complex:value]", "fromYaml \"? complex\\n: value\"", "fromYaml", "? complex\n: value"),
            row("map[a:b]", "fromYaml \"a: b\\n---\\nc: d\"", "fromYaml", "a: b\n---\nc: d"),
            row("map[a:1]", "fromYaml \"%YAML 1.1\\n---\\na: 1\"", "fromYaml", "%YAML 1.1\n---\na: 1"),
            row("map[Error:error converting YAML to JSON: yaml: found character that cannot start any token]", "fromYaml \"a: @x\"", "fromYaml", "a: @x"),
            row("map[Error:error converting YAML to JSON: yaml: found character that cannot start any token]", "fromYaml \"a: `x\"", "fromYaml", "a: `x"),
            row("map[Error:error converting YAML to JSON: yaml: line 2: mapping values are not allowed in this context]", "fromYaml \"x: 1\\n y: 2\"", "fromYaml", "x: 1\n y: 2")

        );
    }
}
