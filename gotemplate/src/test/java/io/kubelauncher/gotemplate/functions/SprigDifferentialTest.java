package io.kubelauncher.gotemplate.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Deterministic Sprig functions through the real executor, each template rendered by our engine
 * and by the Go oracle; any difference in output or error text fails.
 */
class SprigDifferentialTest {

    static Stream<String> templates() {
        return Stream.of(
                // regex
                "{{ regexMatch \"^w.b$\" .name }} {{ regexMatch \"a$\" \"a\\n\" }} {{ regexMatch \"(?m)a$\" \"a\\nb\" }}",
                "{{ regexFind \"[0-9]+\" \"ab123c45\" }}|{{ regexFind \"x\" \"abc\" }}",
                "{{ regexFindAll \"[0-9]\" \"a1b22c333\" -1 }} {{ regexFindAll \"[0-9]\" \"a1b22c333\" 2 }} {{ regexFindAll \"x*\" \"axxb\" -1 }} {{ regexFindAll \"q\" \"abc\" -1 }}",
                "{{ regexReplaceAll \"a(x*)b\" \"-ab-axxb-\" \"${1}W\" }}|{{ regexReplaceAll \"a(x*)b\" \"-ab-axxb-\" \"$1W\" }}|{{ regexReplaceAll \"(?P<first>\\\\w+) (?P<last_name>\\\\w+)\" \"John Smith\" \"$last_name, $first $$ ${9}\" }}",
                "{{ regexReplaceAll \"x*\" \"abc\" \"-\" }}|{{ regexReplaceAll \"\" \"héllo\" \".\" }}|{{ regexReplaceAll \"b*\" \"abbbc\" \"X\" }}",
                "{{ regexReplaceAllLiteral \"a(x*)b\" \"-ab-axxb-\" \"${1}\" }}|{{ regexReplaceAll \"\\\\s+\" \"a \\t b\\vc\" \"_\" }}",
                "{{ regexSplit \"z+\" \"pizza\" -1 }} {{ regexSplit \"z+\" \"pizza\" 0 }} {{ regexSplit \"z+\" \"pizza\" 1 }} {{ regexSplit \"\" \"abc\" -1 }} {{ regexSplit \"a\" \"\" -1 }} {{ regexSplit \"[,;]\" \"a,b;c,\" 2 }} {{ len (regexSplit \"x*\" \"axbxc\" -1) }}",
                "{{ regexQuoteMeta \"1.5-2.0?[x](y){z}^$|*+\\\\\" }}",
                "{{ regexMatch \"[[:alpha:]]+[[:digit:]]\" \"ab1\" }} {{ regexMatch \"[[:^space:]]\" \" \" }} {{ regexFind \"\\\\pL+\" \"123héllo\" }} {{ regexFind \"\\\\p{Greek}+\" \"abc αβγ\" }}",
                "{{ regexFind \"a{2,3}\" \"aaaa\" }} {{ regexFind \"x{,3}\" \"x{,3}\" }} {{ regexFind \"{foo}\" \"a{foo}\" }} {{ regexFind \"a{1\" \"a{1\" }}",
                "{{ regexFind \"(?i)HÉ\" \"hé\" }} {{ regexFind \"(?s)a.b\" \"a\\nb\" }} {{ regexFind \"a.b\" \"a\\nb\" }} {{ regexFind \"[a&&b]+\" \"&&ab\" }} {{ regexFind \"[]a]+\" \"]a]\" }}",
                "{{ regexFind \"\\\\x41\\\\x{263a}\\\\101\\\\0\" \"A☺A\\x00\" }}|{{ regexFind \"\\\\Qa.b\\\\E+\" \"a.bb\" }}",
                "{{ mustRegexFind \"(a\" \"x\" }}", "{{ mustRegexFind \"a)\" \"x\" }}", "{{ mustRegexFind \"[a\" \"x\" }}",
                "{{ mustRegexFind \"a\\\\q\" \"x\" }}", "{{ mustRegexFind \"\\\\1\" \"x\" }}", "{{ mustRegexFind \"a**\" \"x\" }}",
                "{{ mustRegexFind \"*a\" \"x\" }}", "{{ mustRegexFind \"a{1001}\" \"x\" }}", "{{ mustRegexFind \"(?=a)\" \"x\" }}",
                "{{ mustRegexFind \"(?<=a)\" \"x\" }}", "{{ mustRegexFind \"[z-a]\" \"x\" }}", "{{ mustRegexFind \"a\\\\\" \"x\" }}",
                "{{ mustRegexFind \"[[:foo:]]\" \"x\" }}", "{{ mustRegexFind \"a{2,1}\" \"x\" }}", "{{ mustRegexFind \"a++\" \"x\" }}",
                "{{ mustRegexFind \"(?!a)\" \"x\" }}", "{{ mustRegexFind \"\\\\Z\" \"x\" }}", "{{ mustRegexFind \"a*??\" \"x\" }}",
                "{{ regexFind \"(a\" \"x\" }}", "{{ regexFind \"a`(\" \"x\" }}", "{{ regexMatch \"(a\" \"x\" }}",
                "{{ mustRegexFindAll \"(\" \"x\" 1 }}", "{{ mustRegexSplit \"(\" \"x\" 1 }}", "{{ mustRegexReplaceAll \"(\" \"x\" \"y\" }}",
                "{{ mustRegexMatch \"^[a-z]+\\\\[[0-9]+\\\\]$\" \"adam[23]\" }} {{ mustRegexFindAll \"a.\" \"paranormal\" -1 }}",
                // paths
                "{{ base \"/a/b/c.txt\" }} {{ base \"/a/b/\" }} {{ base \"\" }} {{ base \"///\" }} {{ dir \"/a/b/c\" }} {{ dir \"a\" }} {{ dir \"/\" }} {{ dir \"\" }}",
                "{{ clean \"a//b/./c/..\" }} {{ clean \"/../x\" }} {{ clean \"../../x/..\" }} {{ clean \"\" }} {{ clean \"a/../..\" }} {{ clean \"/a/b/../../..\" }}",
                "{{ ext \"a/b.tar.gz\" }} {{ ext \"a.b/c\" }} {{ ext \"x\" }} {{ isAbs \"/x\" }} {{ isAbs \"x\" }} {{ osBase \"/a/b\" }} {{ osDir \"/a/b\" }} {{ osClean \"a/./b\" }} {{ osExt \"f.go\" }} {{ osIsAbs \"/\" }}",
                // hashes, misc
                "{{ sha1sum \"abc\" }} {{ sha256sum \"héllo\" }} {{ adler32sum \"Wikipedia\" }} {{ hello }}",
                "{{ b64enc \"héllo\" }} {{ b64dec \"aMOpbGxv\" }} {{ b64dec \"a\" }} {{ b64dec \"aGk=x\" }} {{ b64dec \"aG k=\" }} {{ b64dec \"aGk\\n=\" }} {{ b64dec \"aGk\" }} {{ b64dec \"aG==\" }}",
                "{{ b32enc \"héllo\" }} {{ b32dec \"NBRWY3DP\" }} {{ b32dec \"NB\" }} {{ b32dec \"NBSWY===\" }} {{ b32dec \"1BSWY3DP\" }} {{ b32dec \"NBSWY3D=\" }}",
                "{{ expandenv \"home=$HOME ${HOME} $$ ${} ${ $1x $-\" }} {{ env \"NO_SUCH_VAR_XYZ\" }}|{{ env \"HOME\" }}",
                "{{ toJson (dict \"a\" (list 1 2.5 \"x\" true .nothing) \"<b>\" \"&\\u2028\\u00e9\\b\\f\\u0001\") }}",
                "{{ toPrettyJson .m }}|{{ toPrettyJson (list) }}|{{ toPrettyJson (dict) }}|{{ toRawJson \"<x>\" }}",
                "{{ fromJson \"{\\\"a\\\":[1,{\\\"b\\\":null}],\\\"c\\\":1e400}\" }}|{{ fromJson \"[1, 2.5e3, \\\"\\\\u00e9\\\\ud83d\\\\ude00\\\"]\" }}",
                "{{ mustFromJson \"{\\\"a\\\" 1}\" }}", "{{ mustFromJson \"[1,]\" }}", "{{ mustFromJson \"tru\" }}", "{{ mustFromJson \"\\\"a\" }}",
                "{{ mustFromJson \"01\" }}", "{{ mustFromJson \"{}x\" }}", "{{ mustFromJson \"-\" }}", "{{ mustFromJson \"1.e3\" }}",
                "{{ mustFromJson \"{\\\"a\\\":1,}\" }}", "{{ mustFromJson \"\\\"\\\\x\\\"\" }}", "{{ mustFromJson \"nul\" }}", "{{ mustFromJson \"[1e400]\" }}",
                "{{ mustToJson (float64 \"NaN\") }}", "{{ toRawJson (float64 \"Inf\") }}", "{{ mustToPrettyJson (list (float64 \"-Inf\")) }}"
        );
    }

    @ParameterizedTest
    @MethodSource("templates")
    void matchesGo(String template) throws Exception {
        assertThat(Differential.ours(template)).isEqualTo(Differential.go(template));
    }
}
