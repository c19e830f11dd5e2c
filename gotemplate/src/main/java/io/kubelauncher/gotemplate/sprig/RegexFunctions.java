package io.kubelauncher.gotemplate.sprig;

import static io.kubelauncher.gotemplate.sprig.Registry.sig;
import static io.kubelauncher.gotemplate.sprig.Types.BOOL;
import static io.kubelauncher.gotemplate.sprig.Types.INT;
import static io.kubelauncher.gotemplate.sprig.Types.STRING;
import static io.kubelauncher.gotemplate.sprig.Types.STRINGS;

import io.kubelauncher.gotemplate.function.FunctionException;
import io.kubelauncher.gotemplate.function.TypedList;

import java.util.List;

/** Sprig's regex.go over {@link GoRegex}. The non-must forms panic (MustCompile) except regexMatch. */
final class RegexFunctions {

    private RegexFunctions() {
    }

    static void register(Registry r) {
        r.add("regexMatch", sig(BOOL, STRING, STRING), a -> {
            try {
                return GoRegex.compile((String) a[0]).matches((String) a[1]);
            } catch (GoRegex.SyntaxError e) {
                return false;
            }
        });
        r.add("mustRegexMatch", sig(BOOL, STRING, STRING).withError(),
                a -> compile((String) a[0]).matches((String) a[1]));
        r.add("regexFindAll", sig(STRINGS, STRING, STRING, INT),
                a -> strings(GoRegex.mustCompile((String) a[0]).findAll((String) a[1], (Integer) a[2])));
        r.add("mustRegexFindAll", sig(STRINGS, STRING, STRING, INT).withError(),
                a -> strings(compile((String) a[0]).findAll((String) a[1], (Integer) a[2])));
        r.add("regexFind", sig(STRING, STRING, STRING), a -> GoRegex.mustCompile((String) a[0]).find((String) a[1]));
        r.add("mustRegexFind", sig(STRING, STRING, STRING).withError(), a -> compile((String) a[0]).find((String) a[1]));
        r.add("regexReplaceAll", sig(STRING, STRING, STRING, STRING),
                a -> GoRegex.mustCompile((String) a[0]).replaceAll((String) a[1], (String) a[2], false));
        r.add("mustRegexReplaceAll", sig(STRING, STRING, STRING, STRING).withError(),
                a -> compile((String) a[0]).replaceAll((String) a[1], (String) a[2], false));
        r.add("regexReplaceAllLiteral", sig(STRING, STRING, STRING, STRING),
                a -> GoRegex.mustCompile((String) a[0]).replaceAll((String) a[1], (String) a[2], true));
        r.add("mustRegexReplaceAllLiteral", sig(STRING, STRING, STRING, STRING).withError(),
                a -> compile((String) a[0]).replaceAll((String) a[1], (String) a[2], true));
        r.add("regexSplit", sig(STRINGS, STRING, STRING, INT),
                a -> strings(GoRegex.mustCompile((String) a[0]).split((String) a[1], (Integer) a[2])));
        r.add("mustRegexSplit", sig(STRINGS, STRING, STRING, INT).withError(),
                a -> strings(compile((String) a[0]).split((String) a[1], (Integer) a[2])));
        r.add("regexQuoteMeta", sig(STRING, STRING), a -> GoRegex.quoteMeta((String) a[0]));
    }

    private static GoRegex compile(String expr) throws FunctionException {
        try {
            return GoRegex.compile(expr);
        } catch (GoRegex.SyntaxError e) {
            throw new FunctionException(e.getMessage());
        }
    }

    /** A Go []string; nil prints as [] like an empty one. */
    private static TypedList<String> strings(List<String> values) {
        return TypedList.ofStrings(values == null ? List.of() : values);
    }
}
