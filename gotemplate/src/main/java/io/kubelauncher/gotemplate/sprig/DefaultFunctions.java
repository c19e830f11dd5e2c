package io.kubelauncher.gotemplate.sprig;

import static io.kubelauncher.gotemplate.sprig.Registry.sig;
import static io.kubelauncher.gotemplate.sprig.Registry.variadic;
import static io.kubelauncher.gotemplate.sprig.Types.ANY;
import static io.kubelauncher.gotemplate.sprig.Types.BOOL;
import static io.kubelauncher.gotemplate.sprig.Types.STRING;

import io.kubelauncher.gotemplate.format.GoFmt;
import io.kubelauncher.gotemplate.function.FunctionException;

/** Sprig's defaults.go (minus JSON), reflect.go and the flow-control {@code fail}. */
final class DefaultFunctions {

    private DefaultFunctions() {
    }

    static void register(Registry r) {
        r.add("default", variadic(ANY, ANY, ANY), a -> {
            if (a.length < 2 || GoReflect.isEmpty(a[1])) {
                return a[0];
            }
            return a[1];
        });
        r.add("empty", sig(BOOL, ANY), a -> GoReflect.isEmpty(a[0]));
        r.add("coalesce", variadic(ANY, ANY), a -> {
            for (Object v : a) {
                if (!GoReflect.isEmpty(v)) {
                    return v;
                }
            }
            return null;
        });
        r.add("all", variadic(BOOL, ANY), a -> {
            for (Object v : a) {
                if (GoReflect.isEmpty(v)) {
                    return false;
                }
            }
            return true;
        });
        r.add("any", variadic(BOOL, ANY), a -> {
            for (Object v : a) {
                if (!GoReflect.isEmpty(v)) {
                    return true;
                }
            }
            return false;
        });
        r.add("ternary", sig(ANY, ANY, ANY, BOOL), a -> (Boolean) a[2] ? a[0] : a[1]);
        r.add("typeOf", sig(STRING, ANY), a -> GoFmt.typeName(a[0]));
        r.add("typeIs", sig(BOOL, STRING, ANY), a -> a[0].equals(GoFmt.typeName(a[1])));
        r.add("typeIsLike", sig(BOOL, STRING, ANY), a -> {
            String t = GoFmt.typeName(a[1]);
            return a[0].equals(t) || ("*" + a[0]).equals(t);
        });
        r.add("kindOf", sig(STRING, ANY), a -> GoReflect.kindOf(a[0]));
        r.add("kindIs", sig(BOOL, STRING, ANY), a -> a[0].equals(GoReflect.kindOf(a[1])));
        r.add("deepEqual", sig(BOOL, ANY, ANY), a -> GoReflect.deepEqual(a[0], a[1]));
        r.add("fail", sig(STRING, STRING).withError(), a -> {
            throw new FunctionException((String) a[0]);
        });
    }
}
