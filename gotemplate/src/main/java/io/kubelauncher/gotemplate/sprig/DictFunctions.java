package io.kubelauncher.gotemplate.sprig;

import static io.kubelauncher.gotemplate.sprig.Registry.sig;
import static io.kubelauncher.gotemplate.sprig.Registry.variadic;
import static io.kubelauncher.gotemplate.sprig.Types.ANY;
import static io.kubelauncher.gotemplate.sprig.Types.BOOL;
import static io.kubelauncher.gotemplate.sprig.Types.LIST;
import static io.kubelauncher.gotemplate.sprig.Types.MAP;
import static io.kubelauncher.gotemplate.sprig.Types.STRING;
import static io.kubelauncher.gotemplate.sprig.Types.STRINGS;

import io.kubelauncher.gotemplate.function.FunctionException;
import io.kubelauncher.gotemplate.function.TypedList;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Sprig's dict.go. Like Go, set/unset/merge mutate the map they are given. */
final class DictFunctions {

    private DictFunctions() {
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    static void register(Registry r) {
        r.add("dict", variadic(MAP, ANY), a -> {
            Map<String, Object> d = new LinkedHashMap<>();
            for (int i = 0; i < a.length; i += 2) {
                d.put(Cast.strval(a[i]), i + 1 < a.length ? a[i + 1] : "");
            }
            return d;
        });
        r.add("get", sig(ANY, MAP, STRING), a -> {
            Map<String, Object> d = map(a[0]);
            if (d != null && d.containsKey(a[1])) {
                return d.get(a[1]);
            }
            return "";
        });
        r.add("set", sig(MAP, MAP, STRING, ANY), a -> {
            Map<String, Object> d = map(a[0]);
            if (d == null) {
                throw new GoPanic("assignment to entry in nil map");
            }
            d.put((String) a[1], a[2]);
            return d;
        });
        r.add("unset", sig(MAP, MAP, STRING), a -> {
            Map<String, Object> d = map(a[0]);
            if (d != null) {
                d.remove(a[1]);
            }
            return d;
        });
        r.add("hasKey", sig(BOOL, MAP, STRING), a -> a[0] != null && map(a[0]).containsKey(a[1]));
        r.add("pluck", variadic(LIST, MAP, STRING), a -> {
            List<Object> res = new ArrayList<>();
            for (int i = 1; i < a.length; i++) {
                Map<String, Object> d = map(a[i]);
                if (d != null && d.containsKey(a[0])) {
                    res.add(d.get(a[0]));
                }
            }
            return res;
        });
        r.add("keys", variadic(STRINGS, MAP), a -> {
            List<String> k = new ArrayList<>();
            for (Object d : a) {
                if (d != null) {
                    k.addAll(map(d).keySet());
                }
            }
            return TypedList.ofStrings(k);
        });
        r.add("pick", variadic(MAP, STRING, MAP), a -> {
            Map<String, Object> d = map(a[0]);
            Map<String, Object> res = new LinkedHashMap<>();
            for (int i = 1; i < a.length; i++) {
                if (d != null && d.containsKey(a[i])) {
                    res.put((String) a[i], d.get(a[i]));
                }
            }
            return res;
        });
        r.add("omit", variadic(MAP, STRING, MAP), a -> {
            Map<String, Object> d = map(a[0]);
            Set<Object> omit = new HashSet<>(List.of(a).subList(1, a.length));
            Map<String, Object> res = new LinkedHashMap<>();
            if (d != null) {
                d.forEach((k, v) -> {
                    if (!omit.contains(k)) {
                        res.put(k, v);
                    }
                });
            }
            return res;
        });
        r.add("merge", variadic(ANY, MAP, MAP), a -> mergeAll(a, false));
        r.add("mustMerge", variadic(ANY, MAP, MAP).withError(), a -> mergeAll(a, false));
        r.add("mergeOverwrite", variadic(ANY, MAP, MAP), a -> mergeAll(a, true));
        r.add("mustMergeOverwrite", variadic(ANY, MAP, MAP).withError(), a -> mergeAll(a, true));
        r.add("values", sig(LIST, MAP), a -> a[0] == null ? new ArrayList<>() : new ArrayList<>(map(a[0]).values()));
        r.add("deepCopy", sig(ANY, ANY), a -> deepCopyNonNil(a[0]));
        r.add("mustDeepCopy", sig(ANY, ANY).withError(), a -> deepCopyNonNil(a[0]));
        r.add("dig", variadic(ANY, ANY).withError(), DictFunctions::dig);
    }

    private static Object mergeAll(Object[] a, boolean overwrite) {
        Map<String, Object> dst = map(a[0]);
        for (int i = 1; i < a.length; i++) {
            Map<String, Object> src = map(a[i]);
            if (src == null) {
                continue;
            }
            if (dst == null) {
                dst = new LinkedHashMap<>();
            }
            Merger.mergeMap(dst, src, overwrite);
        }
        return dst;
    }

    /** copystructure.Copy reflects on its argument's type, which nil has not. */
    private static Object deepCopyNonNil(Object v) {
        if (v == null) {
            throw new GoPanic("reflect: call of reflect.Value.Type on zero Value");
        }
        return deepCopy(v);
    }

    static Object deepCopy(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> copy = new LinkedHashMap<>(Math.max(16, m.size() * 2));
            for (Map.Entry<?, ?> e : m.entrySet()) {
                copy.put((String) e.getKey(), deepCopy(e.getValue()));
            }
            return copy;
        }
        if (v instanceof TypedList<?> t) {
            return t; // immutable
        }
        if (v instanceof List<?> l) {
            List<Object> copy = new ArrayList<>(l.size());
            for (Object o : l) {
                copy.add(deepCopy(o));
            }
            return copy;
        }
        return v;
    }

    private static Object dig(Object[] ps) throws FunctionException {
        if (ps.length < 3) {
            throw new GoPanic("dig needs at least three arguments");
        }
        Object last = ps[ps.length - 1];
        if (!(last instanceof Map)) {
            throw GoPanic.interfaceConversion(last, "map[string]interface {}");
        }
        Object def = ps[ps.length - 2];
        String[] keys = new String[ps.length - 2];
        for (int i = 0; i < keys.length; i++) {
            if (!(ps[i] instanceof String s)) {
                throw GoPanic.interfaceConversion(ps[i], "string");
            }
            keys[i] = s;
        }
        Map<String, Object> d = map(last);
        for (int i = 0; ; i++) {
            if (!d.containsKey(keys[i])) {
                return def;
            }
            Object step = d.get(keys[i]);
            if (i == keys.length - 1) {
                return step;
            }
            if (!(step instanceof Map)) {
                throw GoPanic.interfaceConversion(step, "map[string]interface {}");
            }
            d = map(step);
        }
    }

    /** imdario/mergo 0.3's map merge, as Sprig calls it (Merge / MergeWithOverwrite). */
    static final class Merger {

        private Merger() {
        }

        static void mergeMap(Map<String, Object> dst, Map<String, Object> src, boolean overwrite) {
            for (Map.Entry<String, Object> e : new ArrayList<>(src.entrySet())) {
                String key = e.getKey();
                Object srcElement = e.getValue();
                boolean dstHas = dst.containsKey(key);
                Object dstElement = dst.get(key);
                if (srcElement == null) {
                    if (overwrite) {
                        dst.put(key, null);
                    }
                    continue;
                }
                if (srcElement instanceof Map) {
                    if (dstElement instanceof Map) {
                        mergeMap(map(dstElement), map(srcElement), overwrite);
                    }
                } else if (srcElement instanceof List) {
                    Object dstSlice = dstHas && dstElement != null ? dstElement : new ArrayList<>();
                    if (overwrite || dst.isEmpty()) {
                        dstSlice = srcElement;
                    }
                    dst.put(key, dstSlice);
                }
                boolean srcIsCollection = srcElement instanceof Map || srcElement instanceof List;
                if (dstHas && !mergoEmpty(dstElement) && srcIsCollection) {
                    continue;
                }
                if (overwrite || !dstHas || mergoEmpty(dstElement)) {
                    dst.put(key, srcElement);
                }
            }
        }

        private static boolean mergoEmpty(Object v) {
            return GoReflect.isEmpty(v);
        }
    }

}
