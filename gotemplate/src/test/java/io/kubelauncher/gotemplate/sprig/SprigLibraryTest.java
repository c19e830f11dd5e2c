package io.kubelauncher.gotemplate.sprig;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubelauncher.gotemplate.function.FunctionException;
import io.kubelauncher.gotemplate.function.TemplateFunction;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The library as a whole: exactly Sprig 3.2.3's TxtFuncMap, and the injected outside world. */
class SprigLibraryTest {

    /** Every key of sprig.TxtFuncMap() in Sprig 3.2.3 (functions.go's genericMap). */
    private static final Set<String> TXT_FUNC_MAP = Set.of(
            "abbrev", "abbrevboth", "add", "add1", "add1f", "addf", "adler32sum", "ago", "all", "any", "append",
            "atoi", "b32dec", "b32enc", "b64dec", "b64enc", "base", "bcrypt", "biggest", "buildCustomCert",
            "camelcase", "cat", "ceil", "chunk", "clean", "coalesce", "compact", "concat", "contains", "date",
            "dateInZone", "dateModify", "date_in_zone", "date_modify", "decryptAES", "deepCopy", "deepEqual",
            "default", "derivePassword", "dict", "dig", "dir", "div", "divf", "duration", "durationRound", "empty",
            "encryptAES", "env", "expandenv", "ext", "fail", "first", "float64", "floor", "fromJson", "genCA",
            "genCAWithKey", "genPrivateKey", "genSelfSignedCert", "genSelfSignedCertWithKey", "genSignedCert",
            "genSignedCertWithKey", "get", "getHostByName", "has", "hasKey", "hasPrefix", "hasSuffix", "hello",
            "htmlDate", "htmlDateInZone", "htpasswd", "indent", "initial", "initials", "int", "int64", "isAbs",
            "join", "kebabcase", "keys", "kindIs", "kindOf", "last", "list", "lower", "max", "maxf", "merge",
            "mergeOverwrite", "min", "minf", "mod", "mul", "mulf", "mustAppend", "mustChunk", "mustCompact",
            "mustDateModify", "mustDeepCopy", "mustFirst", "mustFromJson", "mustHas", "mustInitial", "mustLast",
            "mustMerge", "mustMergeOverwrite", "mustPrepend", "mustPush", "mustRegexFind", "mustRegexFindAll",
            "mustRegexMatch", "mustRegexReplaceAll", "mustRegexReplaceAllLiteral", "mustRegexSplit", "mustRest",
            "mustReverse", "mustSlice", "mustToDate", "mustToJson", "mustToPrettyJson", "mustToRawJson", "mustUniq",
            "mustWithout", "must_date_modify", "nindent", "nospace", "now", "omit", "osBase", "osClean", "osDir",
            "osExt", "osIsAbs", "pick", "pluck", "plural", "prepend", "push", "quote", "randAlpha", "randAlphaNum",
            "randAscii", "randBytes", "randInt", "randNumeric", "regexFind", "regexFindAll", "regexMatch",
            "regexQuoteMeta", "regexReplaceAll", "regexReplaceAllLiteral", "regexSplit", "repeat", "replace", "rest",
            "reverse", "round", "semver", "semverCompare", "seq", "set", "sha1sum", "sha256sum", "shuffle", "slice",
            "snakecase", "sortAlpha", "split", "splitList", "splitn", "squote", "sub", "subf", "substr", "swapcase",
            "ternary", "title", "toDate", "toDecimal", "toJson", "toPrettyJson", "toRawJson", "toString",
            "toStrings", "trim", "trimAll", "trimPrefix", "trimSuffix", "trimall", "trunc", "tuple", "typeIs",
            "typeIsLike", "typeOf", "uniq", "unixEpoch", "unset", "until", "untilStep", "untitle", "upper",
            "urlJoin", "urlParse", "uuidv4", "values", "without", "wrap", "wrapWith"    );

    @Test
    void providesExactlyTheTxtFuncMap() {
        assertThat(SprigLibrary.create().functions().keySet()).containsExactlyInAnyOrderElementsOf(TXT_FUNC_MAP);
        assertThat(TXT_FUNC_MAP).hasSize(210).doesNotContain("required", "tpl", "toYaml", "include", "lookup");
    }

    @Test
    void everyFunctionDeclaresItsSignature() {
        SprigLibrary.create().functions().forEach((name, f) -> assertThat(f.signature()).as(name).isNotNull());
    }

    @Test
    void usesTheInjectedClockZoneRandomnessEnvironmentAndResolver() throws FunctionException {
        Map<String, TemplateFunction> f = SprigLibrary.builder()
                .clock(Clock.fixed(Instant.parse("2024-02-29T12:34:56.789Z"), ZoneOffset.UTC))
                .localZone(ZoneOffset.ofHours(2))
                .random(new Random(7))
                .environment(Map.of("GREETING", "hi")::get)
                .hostResolver(name -> name.equals("db") ? java.util.List.of("10.1.2.3") : java.util.List.of())
                .build().functions();
        GoTime now = (GoTime) f.get("now").call(new Object[0]);
        assertThat(now.format("2006-01-02 15:04:05.000 -07:00")).isEqualTo("2024-02-29 14:34:56.789 +02:00");
        assertThat(f.get("htmlDate").call(new Object[] {null})).isEqualTo("2024-02-29");
        assertThat(f.get("ago").call(new Object[] {1709209796L})).isEqualTo("5m1s");
        assertThat(f.get("env").call(new Object[] {"GREETING"})).isEqualTo("hi");
        assertThat(f.get("env").call(new Object[] {"NOPE"})).isEqualTo("");
        assertThat(f.get("expandenv").call(new Object[] {"${GREETING} $NOPE!"})).isEqualTo("hi !");
        assertThat(f.get("getHostByName").call(new Object[] {"db"})).isEqualTo("10.1.2.3");
        String a = (String) f.get("randAlphaNum").call(new Object[] {12});
        assertThat(a).matches("[A-Za-z0-9]{12}");
        Object first = SprigLibrary.builder().random(new Random(7)).build().functions().get("randAlphaNum").call(new Object[] {12});
        Object second = SprigLibrary.builder().random(new Random(7)).build().functions().get("randAlphaNum").call(new Object[] {12});
        assertThat(second).isEqualTo(first);
        assertThat((String) f.get("uuidv4").call(new Object[0]))
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat((String) f.get("randNumeric").call(new Object[] {5})).matches("[0-9]{5}");
        assertThat((String) f.get("randAscii").call(new Object[] {40})).matches("[ -~]{40}");
        assertThat((String) f.get("randAlpha").call(new Object[] {3})).matches("[A-Za-z]{3}");
        assertThat(f.get("randAlpha").call(new Object[] {-1})).isEqualTo("");
        assertThat((Integer) f.get("randInt").call(new Object[] {5, 8})).isBetween(5, 7);
        assertThat((String) f.get("shuffle").call(new Object[] {"héllo"})).hasSize(5).containsOnlyOnce("é");
        assertThat((String) f.get("randBytes").call(new Object[] {9})).hasSize(12);
    }

    @Test
    void getHostByNameOfAnUnknownHostPanicsLikeGo() {
        TemplateFunction f = SprigLibrary.builder().hostResolver(n -> java.util.List.of()).build().functions().get("getHostByName");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> f.call(new Object[] {"nowhere"}))
                .isInstanceOf(FunctionException.class).hasMessage("invalid argument to Intn");
    }
}
