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
 * Helm's toYaml against Go (yaml.v2 quoting, styles, folding, key order, numbers): expected texts
 * printed by gotemplate-oracle for {{ EXPR }} (src/test/oracle/cases_yaml.py).
 */
class HelmToYamlOracleTest {

    private static final HelmFunctions HELM = HelmFunctions.create();

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("rows")
    void matchesGo(String expected, String expr, String name, Object[] args) {
        assertThat(render(HELM.functions(), name, args)).isEqualTo(expected);
    }

    static Stream<Arguments> rows() {
        return Stream.of(
            row("'-'", "toYaml \"-\"", "toYaml", "-"),
            row("'- '", "toYaml \"- \"", "toYaml", "- "),
            row("-x", "toYaml \"-x\"", "toYaml", "-x"),
            row("'?'", "toYaml \"?\"", "toYaml", "?"),
            row("'? x'", "toYaml \"? x\"", "toYaml", "? x"),
            row("?x", "toYaml \"?x\"", "toYaml", "?x"),
            row("':'", "toYaml \":\"", "toYaml", ":"),
            row("'a:'", "toYaml \"a:\"", "toYaml", "a:"),
            row("'a: '", "toYaml \"a: \"", "toYaml", "a: "),
            row("a:b", "toYaml \"a:b\"", "toYaml", "a:b"),
            row("'---'", "toYaml \"---\"", "toYaml", "---"),
            row("'--- x'", "toYaml \"--- x\"", "toYaml", "--- x"),
            row("'...'", "toYaml \"...\"", "toYaml", "..."),
            row("'@'", "toYaml \"@\"", "toYaml", "@"),
            row("'!'", "toYaml \"!\"", "toYaml", "!"),
            row("'x #y'", "toYaml \"x #y\"", "toYaml", "x #y"),
            row("x#y", "toYaml \"x#y\"", "toYaml", "x#y"),
            row("'#'", "toYaml \"#\"", "toYaml", "#"),
            row("''''", "toYaml \"'\"", "toYaml", "'"),
            row("'\"'", "toYaml \"\\\"\"", "toYaml", "\""),
            row("\".nan\"", "toYaml \".nan\"", "toYaml", ".nan"),
            row("\".NaN\"", "toYaml \".NaN\"", "toYaml", ".NaN"),
            row("\".5\"", "toYaml \".5\"", "toYaml", ".5"),
            row("\"1.\"", "toYaml \"1.\"", "toYaml", "1."),
            row("\"+1\"", "toYaml \"+1\"", "toYaml", "+1"),
            row("\"-1\"", "toYaml \"-1\"", "toYaml", "-1"),
            row("\"0o17\"", "toYaml \"0o17\"", "toYaml", "0o17"),
            row("\"0b101\"", "toYaml \"0b101\"", "toYaml", "0b101"),
            row("\"-0b11\"", "toYaml \"-0b11\"", "toYaml", "-0b11"),
            row("0x", "toYaml \"0x\"", "toYaml", "0x"),
            row("\"1:20\"", "toYaml \"1:20\"", "toYaml", "1:20"),
            row("\"12:30:45\"", "toYaml \"12:30:45\"", "toYaml", "12:30:45"),
            row("1:70", "toYaml \"1:70\"", "toYaml", "1:70"),
            row("\"2001-1-2\"", "toYaml \"2001-1-2\"", "toYaml", "2001-1-2"),
            row("\"2001-12-14T21:59:43.10-05:00\"", "toYaml \"2001-12-14T21:59:43.10-05:00\"", "toYaml", "2001-12-14T21:59:43.10-05:00"),
            row("\"2001-12-14 21:59:43.10\"", "toYaml \"2001-12-14 21:59:43.10\"", "toYaml", "2001-12-14 21:59:43.10"),
            row("2001-02-30", "toYaml \"2001-02-30\"", "toYaml", "2001-02-30"),
            row("\"2001-12-14t21:59:43Z\"", "toYaml \"2001-12-14t21:59:43Z\"", "toYaml", "2001-12-14t21:59:43Z"),
            row("2001-12-14T25:00:00Z", "toYaml \"2001-12-14T25:00:00Z\"", "toYaml", "2001-12-14T25:00:00Z"),
            row("20011-12-14", "toYaml \"20011-12-14\"", "toYaml", "20011-12-14"),
            row("<<", "toYaml \"<<\"", "toYaml", "<<"),
            row("=", "toYaml \"=\"", "toYaml", "="),
            row("~x", "toYaml \"~x\"", "toYaml", "~x"),
            row("'null '", "toYaml \"null \"", "toYaml", "null "),
            row("' '", "toYaml \" \"", "toYaml", " "),
            row(" ", "toYaml \" \"", "toYaml", "\u00a0"),
            row("a b", "toYaml \"ab\"", "toYaml", "a\u0085b"),
            row("\"\\uFEFF\\x78\"", "toYaml \"﻿x\"", "toYaml", "\ufeffx"),
            row("\"a\\rb\"", "toYaml \"a\\rb\"", "toYaml", "a\rb"),
            row("\"x\\ty\\nz\"", "toYaml \"x\\ty\\nz\"", "toYaml", "x\ty\nz"),
            row("\"a \\nb\"", "toYaml \"a \\nb\"", "toYaml", "a \nb"),
            row("|-\n  a\n   b", "toYaml \"a\\n b\"", "toYaml", "a\n b"),
            row("|2+\n", "toYaml \"\\n\"", "toYaml", "\n"),
            row("|2+\n\n", "toYaml \"\\n\\n\"", "toYaml", "\n\n"),
            row("|\n  a", "toYaml \"a\\n\"", "toYaml", "a\n"),
            row("|2-\n   a\n  b", "toYaml \" a\\nb\"", "toYaml", " a\nb"),
            row("\"\\ta\\nb\"", "toYaml \"\\ta\\nb\"", "toYaml", "\ta\nb"),
            row("\"\\U0001F600\"", "toYaml \"😀\"", "toYaml", "\ud83d\ude00"),
            row("é", "toYaml \"é\"", "toYaml", "\u00e9"),
            row("\"Yes\"", "toYaml \"Yes\"", "toYaml", "Yes"),
            row("yES", "toYaml \"yES\"", "toYaml", "yES"),
            row("\"ON\"", "toYaml \"ON\"", "toYaml", "ON"),
            row("oN", "toYaml \"oN\"", "toYaml", "oN"),
            row("\"off\"", "toYaml \"off\"", "toYaml", "off"),
            row("\"~\"", "toYaml \"~\"", "toYaml", "~"),
            row("\"1e6\"", "toYaml \"1e6\"", "toYaml", "1e6"),
            row("\"1E6\"", "toYaml \"1E6\"", "toYaml", "1E6"),
            row("1e", "toYaml \"1e\"", "toYaml", "1e"),
            row("e1", "toYaml \"e1\"", "toYaml", "e1"),
            row("\"08\"", "toYaml \"08\"", "toYaml", "08"),
            row("\"0\"", "toYaml \"0\"", "toYaml", "0"),
            row("\"00\"", "toYaml \"00\"", "toYaml", "00"),
            row("\"-0\"", "toYaml \"-0\"", "toYaml", "-0"),
            row("+", "toYaml \"+\"", "toYaml", "+"),
            row("\"1_0\"", "toYaml \"1_0\"", "toYaml", "1_0"),
            row("_1", "toYaml \"_1\"", "toYaml", "_1"),
            row("\"1__0\"", "toYaml \"1__0\"", "toYaml", "1__0"),
            row("\"9223372036854775808\"", "toYaml \"9223372036854775808\"", "toYaml", "9223372036854775808"),
            row("\"18446744073709551616\"", "toYaml \"18446744073709551616\"", "toYaml", "18446744073709551616"),
            row("\"-9223372036854775809\"", "toYaml \"-9223372036854775809\"", "toYaml", "-9223372036854775809"),
            row("inf", "toYaml \"inf\"", "toYaml", "inf"),
            row("\".inf\"", "toYaml \".inf\"", "toYaml", ".inf"),
            row("\"-.Inf\"", "toYaml \"-.Inf\"", "toYaml", "-.Inf"),
            row("1.5.6", "toYaml \"1.5.6\"", "toYaml", "1.5.6"),
            row("1,000", "toYaml \"1,000\"", "toYaml", "1,000"),
            row("'[x'", "toYaml \"[x\"", "toYaml", "[x"),
            row("'{x'", "toYaml \"{x\"", "toYaml", "{x"),
            row("x]", "toYaml \"x]\"", "toYaml", "x]"),
            row("x,y", "toYaml \"x,y\"", "toYaml", "x,y"),
            row("'*'", "toYaml \"*\"", "toYaml", "*"),
            row("'&'", "toYaml \"&\"", "toYaml", "&"),
            row("'|'", "toYaml \"|\"", "toYaml", "|"),
            row("'|x'", "toYaml \"|x\"", "toYaml", "|x"),
            row("'>'", "toYaml \">\"", "toYaml", ">"),
            row("'%'", "toYaml \"%\"", "toYaml", "%"),
            row("'`'", "toYaml \"`\"", "toYaml", "`"),
            row("a`", "toYaml \"a`\"", "toYaml", "a`"),
            row("'a   b'", "toYaml \"a b\"", "toYaml", "a\u2028b"),
            row("a'b", "toYaml \"a'b\"", "toYaml", "a'b"),
            row("'''a'''", "toYaml \"'a'\"", "toYaml", "'a'"),
            row("'ab '", "toYaml \"ab \"", "toYaml", "ab "),
            row("a  b", "toYaml \"a  b\"", "toYaml", "a  b"),
            row("a\\b", "toYaml \"a\\\\b\"", "toYaml", "a\\b"),
            row("\"\\a\"", "toYaml \"\\u0007\"", "toYaml", "\u0007"),
            row("\"\\e\"", "toYaml \"\\u001b\"", "toYaml", "\u001b"),
            row("", "toYaml \"\"", "toYaml", "\u007f"),
            row("", "toYaml \"\"", "toYaml", "\u0080"),
            row("ÿ", "toYaml \"ÿ\"", "toYaml", "\u00ff"),
            row("", "toYaml \"￿\"", "toYaml", "\uffff"),
            row("", "toYaml \"￾\"", "toYaml", "\ufffe"),
            row("\"line1\\r\\nline2\"", "toYaml \"line1\\r\\nline2\"", "toYaml", "line1\r\nline2"),
            row("k: lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt\n  ut labore et dolore magna aliqua ut enim ad minim veniam", "toYaml (dict \"k\" \"lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore et dolore magna aliqua ut enim ad minim veniam\")", "toYaml", map("k", "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore et dolore magna aliqua ut enim ad minim veniam")),
            row("lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt\n  ut labore et dolore magna aliqua ut enim ad minim veniam", "toYaml \"lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore et dolore magna aliqua ut enim ad minim veniam\"", "toYaml", "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore et dolore magna aliqua ut enim ad minim veniam"),
            row("- lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt\n  ut labore et dolore magna aliqua ut enim ad minim veniam", "toYaml (list \"lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore et dolore magna aliqua ut enim ad minim veniam\")", "toYaml", list("lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore et dolore magna aliqua ut enim ad minim veniam")),
            row("a:\n  b:\n    c: lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor\n      incididunt ut labore et dolore magna aliqua ut enim ad minim veniam", "toYaml (dict \"a\" (dict \"b\" (dict \"c\" \"lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore et dolore magna aliqua ut enim ad minim veniam\")))", "toYaml", map("a", map("b", map("c", "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore et dolore magna aliqua ut enim ad minim veniam")))),
            row("k: '#lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor\n  incididunt ut labore et dolore magna aliqua ut enim ad minim veniam'", "toYaml (dict \"k\" \"#lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore et dolore magna aliqua ut enim ad minim veniam\")", "toYaml", map("k", "#lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore et dolore magna aliqua ut enim ad minim veniam")),
            row("k: \"lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt\n  ut labore et dolore magna aliqua ut enim ad minim veniam\\t\"", "toYaml (dict \"k\" \"lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore et dolore magna aliqua ut enim ad minim veniam\\t\")", "toYaml", map("k", "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore et dolore magna aliqua ut enim ad minim veniam\t")),
            row("k: x  lorem  ipsum  dolor  sit  amet  consectetur  adipiscing  elit  sed  do  eiusmod  tempor  incididunt  ut  labore  et  dolore  magna  aliqua  ut  enim  ad  minim  veniam", "toYaml (dict \"k\" \"x  lorem  ipsum  dolor  sit  amet  consectetur  adipiscing  elit  sed  do  eiusmod  tempor  incididunt  ut  labore  et  dolore  magna  aliqua  ut  enim  ad  minim  veniam\")", "toYaml", map("k", "x  lorem  ipsum  dolor  sit  amet  consectetur  adipiscing  elit  sed  do  eiusmod  tempor  incididunt  ut  labore  et  dolore  magna  aliqua  ut  enim  ad  minim  veniam")),
            row("k: \"\\tlorem  ipsum  dolor  sit  amet  consectetur  adipiscing  elit  sed  do  eiusmod\n  \\ tempor  incididunt  ut  labore  et  dolore  magna  aliqua  ut  enim  ad  minim\n  \\ veniam\"", "toYaml (dict \"k\" \"\\tlorem  ipsum  dolor  sit  amet  consectetur  adipiscing  elit  sed  do  eiusmod  tempor  incididunt  ut  labore  et  dolore  magna  aliqua  ut  enim  ad  minim  veniam\")", "toYaml", map("k", "\tlorem  ipsum  dolor  sit  amet  consectetur  adipiscing  elit  sed  do  eiusmod  tempor  incididunt  ut  labore  et  dolore  magna  aliqua  ut  enim  ad  minim  veniam")),
            row("k: xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n  y", "toYaml (dict \"k\" \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx y\")", "toYaml", map("k", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx y")),
            row("k: \"lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt\n  ut labore et dolore magna aliqua ut enim ad minim veniam \\nline\"", "toYaml (dict \"k\" \"lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore et dolore magna aliqua ut enim ad minim veniam \\nline\")", "toYaml", map("k", "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore et dolore magna aliqua ut enim ad minim veniam \nline")),
            row("? kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\n: 1", "toYaml (dict \"kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\" 1)", "toYaml", map("kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk", 1)),
            row("kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk: 1", "toYaml (dict \"kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\" 1)", "toYaml", map("kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk", 1)),
            row("? kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\n: - 1\n  - 2", "toYaml (dict \"kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\" (list 1 2))", "toYaml", map("kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk", list(1, 2))),
            row("? |-\n  a\n  b\n: 1", "toYaml (dict \"a\\nb\" 1)", "toYaml", map("a\nb", 1)),
            row("\"\": 1", "toYaml (dict \"\" 1)", "toYaml", map("", 1)),
            row("'-': 3\n\"1\": 5\na b: 1\na:b: 2\n\"yes\": 4", "toYaml (dict \"a b\" 1 \"a:b\" 2 \"-\" 3 \"yes\" 4 \"1\" 5)", "toYaml", map("a b", 1, "a:b", 2, "-", 3, "yes", 4, "1", 5)),
            row("-x: 13\n_: 5\n\"9\": 10\n\"10\": 9\nB: 4\nZ: 12\na: 3\na9: 2\na09: 7\na10: 1\na010: 8\nb: 6\nx2y: 14\nx10y: 15\né: 11", "toYaml (dict \"a10\" 1 \"a9\" 2 \"a\" 3 \"B\" 4 \"_\" 5 \"b\" 6 \"a09\" 7 \"a010\" 8 \"10\" 9 \"9\" 10 \"é\" 11 \"Z\" 12 \"-x\" 13 \"x2y\" 14 \"x10y\" 15)", "toYaml", map("a10", 1, "a9", 2, "a", 3, "B", 4, "_", 5, "b", 6, "a09", 7, "a010", 8, "10", 9, "9", 10, "é", 11, "Z", 12, "-x", 13, "x2y", 14, "x10y", 15)),
            row("- - 1\n  - 2\n- []\n- - - 3\n- {}\n- a:\n  - 4\n  - b: 5", "toYaml (list (list 1 2) (list) (list (list 3)) (dict) (dict \"a\" (list 4 (dict \"b\" 5))))", "toYaml", list(list(1, 2), list(), list(list(3)), map(), map("a", list(4, map("b", 5))))),
            row("a:\n- - 1\n- x: []\n- |-\n  s\n  t", "toYaml (dict \"a\" (list (list 1) (dict \"x\" (list)) \"s\\nt\"))", "toYaml", map("a", list(list(1), map("x", list()), "s\nt"))),
            row("- |-\n  a\n  b\n- |\n  c\n- |2\n   x", "toYaml (list \"a\\nb\" \"c\\n\" \" x\\n\")", "toYaml", list("a\nb", "c\n", " x\n")),
            row("a:\n  b: |+\n    multi\n    line\n", "toYaml (dict \"a\" (dict \"b\" \"multi\\nline\\n\\n\"))", "toYaml", map("a", map("b", "multi\nline\n\n"))),
            row("- 1\n- 2.5\n- 1000000", "toYaml .nums", "toYaml", nums()),
            row("1e+20", "toYaml 1e20", "toYaml", 1e20),
            row("15000000000000000000", "toYaml 1.5e19", "toYaml", 1.5e19),
            row("12345678901234567000", "toYaml .big", "toYaml", 12345678901234567890.0),
            row("0", "toYaml -0.0", "toYaml", -0.0),
            row("5e-324", "toYaml 5e-324", "toYaml", 5e-324),
            row("1e-07", "toYaml 1e-7", "toYaml", 1e-7),
            row("0.1", "toYaml 0.1", "toYaml", 0.1),
            row("-3.25", "toYaml -3.25", "toYaml", -3.25),
            row("-5", "toYaml (int64 -5)", "toYaml", -5L),
            row("true", "toYaml true", "toYaml", true),
            row("null", "toYaml .nothing", "toYaml", null),
            row("- null", "toYaml (list .nothing)", "toYaml", list((Object) null)),
            row("- 0\n- 1\n- 2", "toYaml (until 3)", "toYaml", call("until", 3)),
            row("- \"yes\"\n- \"no\"", "toYaml (splitList \",\" \"yes,no\")", "toYaml", TypedList.ofStrings(List.of("yes", "no"))),
            row("", "toYaml (float64 \"NaN\")", "toYaml", Double.NaN),
            row("", "toYaml (list (float64 \"Inf\"))", "toYaml", list(Double.POSITIVE_INFINITY))

        );
    }
}
