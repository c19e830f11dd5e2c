package io.kubelauncher.gotemplate.sprig;

import static io.kubelauncher.gotemplate.sprig.Registry.sig;
import static io.kubelauncher.gotemplate.sprig.Registry.variadic;
import static io.kubelauncher.gotemplate.sprig.Types.ANY;
import static io.kubelauncher.gotemplate.sprig.Types.BOOL;
import static io.kubelauncher.gotemplate.sprig.Types.INT;
import static io.kubelauncher.gotemplate.sprig.Types.LIST;
import static io.kubelauncher.gotemplate.sprig.Types.LISTS;
import static io.kubelauncher.gotemplate.sprig.Types.STRING;
import static io.kubelauncher.gotemplate.sprig.Types.STRINGS;
import static io.kubelauncher.gotemplate.sprig.Types.STRING_MAP;

import io.kubelauncher.gotemplate.format.GoStringOrder;
import io.kubelauncher.gotemplate.function.FunctionException;
import io.kubelauncher.gotemplate.function.TypedList;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Sprig's list.go plus the list-producing string functions (splitList, split, splitn, toStrings, join, sortAlpha). */
final class ListFunctions {

    private ListFunctions() {
    }

    /** A list operation that may fail the way Sprig's must* variants do. */
    @FunctionalInterface
    private interface ListOp {
        Object apply(Object[] args) throws FunctionException;
    }

    static void register(Registry r) {
        r.add("list", variadic(LIST, ANY), a -> new ArrayList<>(Arrays.asList(a)));
        r.alias("tuple", "list");
        both(r, "push", "mustPush", sig(LIST, ANY, ANY), a -> {
            List<?> l = slice(a[0], "Cannot push on type ");
            List<Object> out = new ArrayList<>(l.size() + 1);
            out.addAll(l);
            out.add(a[1]);
            return out;
        });
        r.alias("append", "push");
        r.alias("mustAppend", "mustPush");
        both(r, "prepend", "mustPrepend", sig(LIST, ANY, ANY), a -> {
            List<?> l = slice(a[0], "Cannot prepend on type ");
            List<Object> out = new ArrayList<>(l.size() + 1);
            out.add(a[1]);
            out.addAll(l);
            return out;
        });
        both(r, "chunk", "mustChunk", sig(LISTS, INT, ANY), a -> chunk((Integer) a[0], slice(a[1], "Cannot chunk type ")));
        both(r, "last", "mustLast", sig(ANY, ANY), a -> {
            List<?> l = slice(a[0], "Cannot find last on type ");
            return l.isEmpty() ? null : l.get(l.size() - 1);
        });
        both(r, "first", "mustFirst", sig(ANY, ANY), a -> {
            List<?> l = slice(a[0], "Cannot find first on type ");
            return l.isEmpty() ? null : l.get(0);
        });
        both(r, "rest", "mustRest", sig(LIST, ANY), a -> {
            List<?> l = slice(a[0], "Cannot find rest on type ");
            return l.isEmpty() ? new ArrayList<>() : new ArrayList<Object>(l.subList(1, l.size()));
        });
        both(r, "initial", "mustInitial", sig(LIST, ANY), a -> {
            List<?> l = slice(a[0], "Cannot find initial on type ");
            return l.isEmpty() ? new ArrayList<>() : new ArrayList<Object>(l.subList(0, l.size() - 1));
        });
        both(r, "reverse", "mustReverse", sig(LIST, ANY), a -> {
            List<?> l = slice(a[0], "Cannot find reverse on type ");
            List<Object> out = new ArrayList<>(l.size());
            for (int i = l.size() - 1; i >= 0; i--) {
                out.add(l.get(i));
            }
            return out;
        });
        both(r, "compact", "mustCompact", sig(LIST, ANY), a -> {
            List<Object> out = new ArrayList<>();
            for (Object item : slice(a[0], "Cannot compact on type ")) {
                if (!GoReflect.isEmpty(item)) {
                    out.add(item);
                }
            }
            return out;
        });
        both(r, "uniq", "mustUniq", sig(LIST, ANY), a -> {
            List<Object> out = new ArrayList<>();
            for (Object item : slice(a[0], "Cannot find uniq on type ")) {
                if (!inList(out, item)) {
                    out.add(item);
                }
            }
            return out;
        });
        both(r, "without", "mustWithout", variadic(LIST, ANY, ANY), a -> {
            List<?> l = slice(a[0], "Cannot find without on type ");
            List<Object> omit = Arrays.asList(a).subList(1, a.length);
            List<Object> out = new ArrayList<>();
            for (Object item : l) {
                if (!inList(omit, item)) {
                    out.add(item);
                }
            }
            return out;
        });
        both(r, "has", "mustHas", sig(BOOL, ANY, ANY), a -> {
            if (a[1] == null) {
                return false;
            }
            if (!(a[1] instanceof List<?> l)) {
                throw new FunctionException("Cannot find has on type " + GoReflect.kindOf(a[1]));
            }
            return inList(l, a[0]);
        });
        both(r, "slice", "mustSlice", variadic(ANY, ANY, ANY), ListFunctions::sliceOf);
        r.add("concat", variadic(ANY, ANY), a -> {
            List<Object> out = new ArrayList<>();
            for (Object list : a) {
                if (list == null) {
                    throw GoPanic.nilDereference();
                }
                if (!(list instanceof List<?> l)) {
                    throw new GoPanic("Cannot concat type " + GoReflect.kindOf(list) + " as list");
                }
                out.addAll(l);
            }
            return out;
        });
        r.add("sortAlpha", sig(STRINGS, ANY), a -> {
            if (a[0] instanceof List) {
                List<String> s = new ArrayList<>(toStrings(a[0]));
                s.sort(GoStringOrder.COMPARATOR);
                return TypedList.ofStrings(s);
            }
            return TypedList.ofStrings(List.of(Cast.strval(a[0])));
        });
        r.add("join", sig(STRING, STRING, ANY), a -> String.join((String) a[0], toStrings(a[1])));
        r.add("toStrings", sig(STRINGS, ANY), a -> TypedList.ofStrings(toStrings(a[0])));
        r.add("splitList", sig(STRINGS, STRING, STRING),
                a -> TypedList.ofStrings(GoStrings.split((String) a[1], (String) a[0], -1)));
        r.add("split", sig(STRING_MAP, STRING, STRING), a -> indexed(GoStrings.split((String) a[1], (String) a[0], -1)));
        r.add("splitn", sig(STRING_MAP, STRING, INT, STRING),
                a -> indexed(GoStrings.split((String) a[2], (String) a[0], (Integer) a[1])));
    }

    /** Registers a function whose error is a template error in both forms (panic or must* error). */
    private static void both(Registry r, String name, String mustName, io.kubelauncher.gotemplate.function.Signature sig,
            ListOp op) {
        r.add(name, sig, op::apply);
        r.add(mustName, sig.withError(), op::apply);
    }

    /** The elements of a slice argument; nil panics like reflect.TypeOf(nil).Kind(), others fail with prefix + kind. */
    private static List<?> slice(Object v, String errorPrefix) throws FunctionException {
        List<?> l = GoReflect.sliceOrNull(v);
        if (l == null) {
            throw new FunctionException(errorPrefix + GoReflect.kindOf(v));
        }
        return l;
    }

    static boolean inList(List<?> haystack, Object needle) {
        for (Object h : haystack) {
            if (GoReflect.deepEqual(needle, h)) {
                return true;
            }
        }
        return false;
    }

    private static Object chunk(int size, List<?> l) {
        int len = l.size();
        int cs = (int) (Math.floor((double) (len - 1) / size) + 1);
        List<List<Object>> out = new ArrayList<>(Math.max(cs, 0));
        for (int i = 0; i < cs; i++) {
            int clen = size;
            if (i == cs - 1) {
                clen = (int) Math.floor((double) len % size);
                if (clen == 0) {
                    clen = size;
                }
            }
            List<Object> c = new ArrayList<>(clen);
            for (int j = 0; j < clen; j++) {
                c.add(l.get(i * size + j));
            }
            out.add(c);
        }
        return TypedList.of(LISTS, out);
    }

    private static Object sliceOf(Object[] a) throws FunctionException {
        Object list = a[0];
        List<?> l = GoReflect.sliceOrNull(list);
        if (l == null) {
            throw new FunctionException("list should be type of slice or array but " + GoReflect.kindOf(list));
        }
        if (l.isEmpty()) {
            return null;
        }
        int start = 0;
        int end = l.size();
        if (a.length > 1) {
            start = (int) Cast.toInt64(a[1]);
        }
        if (a.length > 2) {
            end = (int) Cast.toInt64(a[2]);
        }
        if (start < 0 || end < start || end > l.size()) {
            throw new GoPanic("reflect.Value.Slice: slice index out of bounds");
        }
        if (list instanceof TypedList<?> t) {
            return TypedList.of(t.sliceType(), new ArrayList<Object>(l.subList(start, end)));
        }
        return new ArrayList<Object>(l.subList(start, end));
    }

    /** Sprig's strslice. */
    static List<String> toStrings(Object v) {
        if (v instanceof List<?> l) {
            List<String> out = new ArrayList<>(l.size());
            for (Object s : l) {
                if (s != null) {
                    out.add(Cast.strval(s));
                }
            }
            return out;
        }
        if (v == null) {
            return List.of();
        }
        return List.of(Cast.strval(v));
    }

    private static Map<String, Object> indexed(List<String> parts) {
        Map<String, Object> res = new LinkedHashMap<>();
        if (parts != null) {
            for (int i = 0; i < parts.size(); i++) {
                res.put("_" + i, parts.get(i));
            }
        }
        return res;
    }
}
