package io.kubelauncher.gotemplate.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubelauncher.gotemplate.function.TypedList;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code printf} cases whose expected text was produced by the Go oracle (Go 1.23.5): each row is
 * {@code {{ printf FORMAT ARGS }}} rendered by gotemplate-oracle, with the same operands in our value
 * model (JSON numbers are float64, template integer literals int, {@code int64} results Long).
 */
class GoFmtSprintfTest {

    @ParameterizedTest(name = "[{index}] printf {1}")
    @MethodSource("rows")
    void matchesGo(String expected, String format, Object[] args) {
        assertThat(GoFmt.sprintf(format, args)).isEqualTo(expected);
    }

    private static Arguments row(String expected, String format, Object... args) {
        // A lone null operand arrives as a null varargs array.
        return Arguments.of(expected, format, args == null ? new Object[] {null} : args);
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static Stream<Arguments> rows() {
        return Stream.of(
            row("42", "%d", 42),
            row("   42", "%5d", 42),
            row("42   |", "%-5d|", 42),
            row("-0042", "%05d", -42),
            row("+42", "%+d", 42),
            row(" 42", "% d", 42),
            row("ff", "%x", 255),
            row("FF", "%X", 255),
            row("0xff", "%#x", 255),
            row("10", "%o", 8),
            row("010", "%#o", 8),
            row("0o10", "%O", 8),
            row("101", "%b", 5),
            row("0b101", "%#b", 5),
            row("A", "%c", 65),
            row("'A'", "%q", 65),
            row("U+1F600", "%U", 128512),
            row("U+1F600 '😀'", "%#U", 128512),
            row("007", "%.3d", 7),
            row("", "%.0d", 0),
            row("    -007|", "%8.3d|", -7),
            row("%!d(float64=8080)", "%d", 8080.0),
            row("%!d(string=x)", "%d", "x"),
            row("%!s(int=1)", "%s", 1),
            row("%!s(<nil>)", "%s", null),
            row("%!d(<nil>)", "%d", null),
            row("<nil>", "%v", null),
            row("<nil>|", "%5v|", null),
            row("<nil>", "%T", null),
            row("8080", "%v", 8080.0),
            row("8080.000000", "%f", 8080.0),
            row("3.14", "%.2f", 3.14159),
            row("3.141590e+00", "%e", 3.14159),
            row("8.080000E+03", "%E", 8080.0),
            row("1.2345678901234567e+19", "%g", 1.2345678901234567e19),
            row("1E-07", "%G", 1e-7),
            row("   3.142|", "%8.3f|", 3.14159),
            row("3.142   |", "%-8.3f|", 3.14159),
            row("-002.500", "%08.3f", -2.5),
            row("+3.1e+00", "%+.1e", 3.14159),
            row("100", "%.3g", 100.0),
            row("1e+06", "%.3g", 1000000.0),
            row("3.14159", "%#g", 3.14159),
            row("100.", "%#.3g", 100.0),
            row("1e+06", "%v", 1000000.0),
            row("-0", "%v", -0.0),
            row("0.2", "%.1f", 0.25),
            row("2", "%.0f", 2.5),
            row("4", "%.0f", 3.5),
            row("4503599627370496p-52", "%b", 1.0),
            row("0x1p+00", "%x", 1.0),
            row("0x1.921f9f01b866ep+01", "%x", 3.14159),
            row("0x1.92p+01", "%.2x", 3.14159),
            row("0X1.AD7F29ABCAF48P-24", "%X", 1e-7),
            row("héllo", "%s", "h\u00e9llo"),
            row("\"a\\\"b\\n\\tcé\\x01\"", "%q", "a\"b\n\tc\u00e9\u0001"),
            row("\"h\\u00e9llo\"", "%+q", "h\u00e9llo"),
            row("`back`", "%#q", "back"),
            row("\"a`b\"", "%#q", "a`b"),
            row("68c3a9", "%x", "h\u00e9"),
            row("61 62 63", "% x", "abc"),
            row("0X616263", "%#X", "abc"),
            row("0x61 0x62 0x63", "%# x", "abc"),
            row("hé", "%.2s", "h\u00e9llo"),
            row("    h|", "%5.1s|", "h\u00e9llo"),
            row("ab    |", "%-6s|", "ab"),
            row("0000ab", "%06s", "ab"),
            row("s", "%v", "s"),
            row("\"s\"", "%#v", "s"),
            row("       \"a\"", "%10q", "a"),
            row("true", "%t", true),
            row("false", "%v", false),
            row("%!d(bool=true)", "%d", true),
            row(" true|", "%5t|", true),
            row("[1 a <nil> 2.5]", "%v", Arrays.asList(1, "a", null, 2.5)),
            row("[%!s(int=1) a <nil> %!s(float64=2.5)]", "%s", Arrays.asList(1, "a", null, 2.5)),
            row("[1 %!d(string=a) <nil> %!d(float64=2.5)]", "%d", Arrays.asList(1, "a", null, 2.5)),
            row("[]interface {}{1, \"a\", interface {}(nil), 2.5}", "%#v", Arrays.asList(1, "a", null, 2.5)),
            row("[1 a <nil> 2.5]", "%+v", Arrays.asList(1, "a", null, 2.5)),
            row("['\\x01' \"a\" <nil> %!q(float64=2.5)]", "%q", Arrays.asList(1, "a", null, 2.5)),
            row("[    1     a <nil>   2.5]", "%5v", Arrays.asList(1, "a", null, 2.5)),
            row("map[a:x b:2 c:<nil>]", "%v", map("b", 2, "a", "x", "c", null)),
            row("map[string]interface {}{\"a\":\"x\", \"b\":2, \"c\":interface {}(nil)}", "%#v", map("b", 2, "a", "x", "c", null)),
            row("map[a:x b:%!s(int=2) c:<nil>]", "%s", map("b", 2, "a", "x", "c", null)),
            row("map[string]interface {}", "%T", map("b", 2, "a", "x", "c", null)),
            row("[]interface {}", "%T", Arrays.asList(1, "a", null, 2.5)),
            row("int64", "%T", -7L),
            row("float64", "%T", 8080.0),
            row("-7", "%v", -7L),
            row("-7", "%x", -7L),
            row("1 %!d(MISSING)", "%d %d", 1),
            row("1%!(EXTRA int=2)", "%d", 1, 2),
            row("1%!(EXTRA string=a, <nil>)", "%d", 1, "a", null),
            row("%!!(MISSING)", "%!"),
            row("%!(NOVERB)", "%"),
            row("%!z(int=1)", "%z", 1),
            row("100%", "100%%"),
            row("%", "%5%"),
            row("2 1", "%[2]d %[1]d", 1, 2),
            row("%!d(BADINDEX)", "%[3]d", 1),
            row("%!d(BADINDEX)", "%[0]d", 1),
            row("%!d(BADINDEX)", "%[x]d", 1),
            row("   12", "%[2]*[1]d", 12, 5),
            row("   42", "%*d", 5, 42),
            row("42   |", "%-*d|", 5, 42),
            row("%!(BADWIDTH)42", "%*d", "x", 42),
            row("3.14", "%.*f", 2, 3.14159),
            row("%!(BADPREC)3.141590", "%.*f", -1, 3.14159),
            row("1 2", "%[1]d %d", 1, 2),
            row("", "%.d", 0),
            row("3", "%.f", 3.14159),
            row("1 %!v(MISSING)", "%v %v", 1),
            row("a%!(EXTRA string=b)", "%s", "a", "b"),
            row("1.2345678901234567e+19", "%v", 1.2345678901234567e19),
            row("1e-05", "%v", 0.00001),
            row("-7", "%d", -7L),
            row("map[a:x b:2 c:<nil>]", "%+v", map("b", 2, "a", "x", "c", null)),
            row("�", "%c", -1),
            row("�", "%c", 55296),
            row("3", "%#v", 3),
            row("8080", "%#v", 8080.0),
            row("true", "%#v", true),
            row("<nil>", "%#v", null),
            row("8.1e+03|", "%5.2v|", 8080.0),
            row("  3.14|3.1e+00|+3.14159", "%6.2f|%-6.1e|%+g", 3.14159, 3.14159, 3.14159),
            row("[[1 2] map[a:[x y]]]", "%v", Arrays.asList(Arrays.asList(1, 2), map("a", Arrays.asList("x", "y")))),
            row("[a b]", "%v", TypedList.ofStrings(List.of("a", "b"))),
            row("[]string{\"a\", \"b\"}", "%#v", TypedList.ofStrings(List.of("a", "b"))),
            row("[]string", "%T", TypedList.ofStrings(List.of("a", "b"))),
            row("-2.500e+00", "%08.3e", -2.5),
            row("+0000042", "%+08d", 42),
            row(" 0000042", "% 08d", 42),
            row("42      |", "%-08d|", 42),
            row("-ff", "%x", -255),
            row("0", "%#o", 0),
            row("U+00041", "%.5U", 65),
            row("1e+21", "%g", 1e21),
            row("1e+20", "%g", 1e20),
            row("0.3333333333", "%.10g", 0.3333333333333333),
            row("0.10000000000000000555", "%.20f", 0.1),
            row("0.000000e+00", "%e", 0.0),
            row("0", "%g", 0.0),
            row("1.234567895e+08", "%v", 123456789.5),
            row("1.2345e-05", "%v", 0.000012345),
            row("1.234567e+06", "%v", 1234567.0),
            row("5e-324", "%v", 5e-324),
            row("1.7976931348623157e+308", "%v", 1.7976931348623157e308),
            row("0.30000000000000004", "%v", 0.30000000000000004)
        );
    }
}
