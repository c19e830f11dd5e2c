package io.kubelauncher.gotemplate.exec;

import static io.kubelauncher.gotemplate.exec.Values.NO_VALUE;
import static io.kubelauncher.gotemplate.exec.Values.REFLECT_VALUE;

import io.kubelauncher.gotemplate.format.GoFmt;
import io.kubelauncher.gotemplate.function.FunctionException;
import io.kubelauncher.gotemplate.function.GoType;
import io.kubelauncher.gotemplate.function.GoValue;
import io.kubelauncher.gotemplate.function.Signature;
import io.kubelauncher.gotemplate.function.TemplateFunction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Go's builtin template functions ({@code text/template/funcs.go}) over the executor's values. */
final class Builtins {

    private Builtins() {
    }

    /** A builtin: its Go signature and body. */
    private record Builtin(String name, Signature signature, Body body) implements TemplateFunction {
        @Override
        public Object call(Object[] args) throws FunctionException {
            return body.call(args);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    @FunctionalInterface
    private interface Body {
        Object call(Object[] args) throws FunctionException;
    }

    private static final Body SPECIAL = args -> {
        throw new IllegalStateException("evaluated by the executor");
    };

    static final TemplateFunction AND = new Builtin("and", Signature.variadic(REFLECT_VALUE, REFLECT_VALUE, REFLECT_VALUE), SPECIAL);
    static final TemplateFunction OR = new Builtin("or", Signature.variadic(REFLECT_VALUE, REFLECT_VALUE, REFLECT_VALUE), SPECIAL);
    static final TemplateFunction CALL = new Builtin("call", Signature.variadic(REFLECT_VALUE, REFLECT_VALUE, REFLECT_VALUE).withError(), SPECIAL);

    /** Every builtin by name. */
    static final Map<String, TemplateFunction> ALL = all();

    private static Map<String, TemplateFunction> all() {
        Map<String, TemplateFunction> m = new LinkedHashMap<>();
        put(m, AND);
        put(m, CALL);
        put(m, new Builtin("html", Signature.variadic(GoType.STRING, GoType.ANY), args -> htmlEscape(evalArgs(args))));
        put(m, new Builtin("index", Signature.variadic(REFLECT_VALUE, REFLECT_VALUE, REFLECT_VALUE).withError(), Builtins::index));
        put(m, new Builtin("slice", Signature.variadic(REFLECT_VALUE, REFLECT_VALUE, REFLECT_VALUE).withError(), Builtins::slice));
        put(m, new Builtin("js", Signature.variadic(GoType.STRING, GoType.ANY), args -> jsEscape(evalArgs(args))));
        put(m, new Builtin("len", Signature.of(GoType.INT, REFLECT_VALUE).withError(), args -> length(args[0])));
        put(m, new Builtin("not", Signature.of(GoType.BOOL, REFLECT_VALUE), args -> !Values.isTrue(args[0])));
        put(m, OR);
        put(m, new Builtin("print", Signature.variadic(GoType.STRING, GoType.ANY), GoFmt::sprint));
        put(m, new Builtin("printf", Signature.variadic(GoType.STRING, GoType.ANY, GoType.STRING),
                args -> GoFmt.sprintf((String) args[0], tail(args))));
        put(m, new Builtin("println", Signature.variadic(GoType.STRING, GoType.ANY), GoFmt::sprintln));
        put(m, new Builtin("urlquery", Signature.variadic(GoType.STRING, GoType.ANY), args -> queryEscape(evalArgs(args))));
        put(m, new Builtin("eq", Signature.variadic(GoType.BOOL, REFLECT_VALUE, REFLECT_VALUE).withError(), args -> eq(args[0], tail(args))));
        put(m, new Builtin("ge", compare(), args -> !lt(args[0], args[1])));
        put(m, new Builtin("gt", compare(), args -> !le(args[0], args[1])));
        put(m, new Builtin("le", compare(), args -> le(args[0], args[1])));
        put(m, new Builtin("lt", compare(), args -> lt(args[0], args[1])));
        put(m, new Builtin("ne", compare(), args -> !eq(args[0], new Object[] {args[1]})));
        return Collections.unmodifiableMap(m);
    }

    private static void put(Map<String, TemplateFunction> m, TemplateFunction f) {
        m.put(f.toString(), f);
    }

    private static Signature compare() {
        return Signature.of(GoType.BOOL, REFLECT_VALUE, REFLECT_VALUE).withError();
    }

    private static Object[] tail(Object[] args) {
        Object[] rest = new Object[args.length - 1];
        System.arraycopy(args, 1, rest, 0, rest.length);
        return rest;
    }

    // --- index, slice, len ---

    private static int indexArg(Object index, int cap) throws FunctionException {
        long x;
        if (index instanceof Integer || index instanceof Long) {
            x = ((Number) index).longValue();

        } else if (index == NO_VALUE || index == null) {
            throw new FunctionException("cannot index slice/array with nil");
        } else {
            throw new FunctionException("cannot index slice/array with type " + Values.typeName(index));
        }
        if (x < 0 || x > cap) {
            throw new FunctionException("index out of range: " + x);
        }
        return (int) x;
    }

    private static Object index(Object[] args) throws FunctionException {
        Object item = Values.indirectInterface(args[0]);
        if (item == NO_VALUE) {
            throw new FunctionException("index of untyped nil");
        }
        // A string's element is a Go uint8; the value model has no such type, so an int stands for it,
        // and this flag keeps Go's type name for the next step's messages.
        boolean isByte = false;
        for (int i = 1; i < args.length; i++) {
            Object index = Values.indirectInterface(args[i]);
            if (item == null) {
                throw new FunctionException("index of nil pointer");
            }
            if (item instanceof List) {
                List<?> list = (List<?>) item;
                int x = indexArg(index, list.size());
                if (x == list.size()) {
                    throw new FunctionException("reflect: slice index out of range");
                }
                item = list.get(x);
            } else if (item instanceof String) {
                byte[] bytes = Values.utf8((String) item);
                int x = indexArg(index, bytes.length);
                if (x == bytes.length) {
                    throw new FunctionException("reflect: string index out of range");
                }
                item = bytes[x] & 0xff;
                isByte = true;
                continue;
            } else if (item instanceof Map) {
                if (index == NO_VALUE) {
                    throw new FunctionException("value is nil; should be of type string");
                }
                if (!(index instanceof String)) {
                    throw new FunctionException("value has type " + Values.typeName(index) + "; should be string");
                }
                item = ((Map<?, ?>) item).get(index); // a missing key gives the zero value, nil
            } else {
                throw new FunctionException("can't index item of type " + (isByte ? "uint8" : Values.typeName(item)));
            }
            isByte = false;
        }
        return item;
    }

    private static Object slice(Object[] args) throws FunctionException {
        Object item = Values.indirectInterface(args[0]);
        if (item == NO_VALUE) {
            throw new FunctionException("slice of untyped nil");
        }
        int n = args.length - 1;
        if (n > 3) {
            throw new FunctionException("too many slice indexes: " + n);
        }
        int cap;
        byte[] bytes = null;
        if (item instanceof String) {
            if (n == 3) {
                throw new FunctionException("cannot 3-index slice a string");
            }
            bytes = Values.utf8((String) item);
            cap = bytes.length;
        } else if (item instanceof List) {
            cap = ((List<?>) item).size();
        } else {
            throw new FunctionException("can't slice item of type " + Values.typeName(item));
        }
        int[] idx = {0, cap, 0};
        for (int i = 0; i < n; i++) {
            idx[i] = indexArg(Values.indirectInterface(args[i + 1]), cap);
        }
        if (idx[0] > idx[1]) {
            throw new FunctionException("invalid slice index: " + idx[0] + " > " + idx[1]);
        }
        if (n == 3 && idx[1] > idx[2]) {
            throw new FunctionException("invalid slice index: " + idx[1] + " > " + idx[2]);
        }
        if (bytes != null) {
            return new String(bytes, idx[0], idx[1] - idx[0], StandardCharsets.UTF_8);
        }
        return Collections.unmodifiableList(new ArrayList<>(((List<?>) item).subList(idx[0], idx[1])));
    }

    private static Object length(Object item) throws FunctionException {
        if (item == null) {
            throw new FunctionException("len of nil pointer");
        }
        if (item == NO_VALUE) {
            throw new FunctionException("reflect: call of reflect.Value.Type on zero Value");
        }
        if (item instanceof String) {
            return Values.utf8Length((String) item);
        }
        if (item instanceof List) {
            return ((List<?>) item).size();
        }
        if (item instanceof Map) {
            return ((Map<?, ?>) item).size();
        }
        throw new FunctionException("len of type " + Values.typeName(item));
    }

    // --- comparison ---

    private enum BasicKind { INVALID, BOOL, COMPLEX, INT, FLOAT, STRING, UINT }

    private static BasicKind basicKind(Object v) {
        if (v instanceof Boolean) {
            return BasicKind.BOOL;
        }
        if (v instanceof Integer || v instanceof Long) {
            return BasicKind.INT;
        }
        if (v instanceof Double) {
            return BasicKind.FLOAT;
        }
        if (v instanceof String) {
            return BasicKind.STRING;
        }
        if (v instanceof Values.Complex) {
            return BasicKind.COMPLEX;
        }
        return BasicKind.INVALID;
    }

    private static final String BAD_COMPARISON_TYPE = "invalid type for comparison";
    private static final String BAD_COMPARISON = "incompatible types for comparison";

    /** The Go reflect kind family of a non-basic value, for {@code canCompare}. */
    private static String reflectKind(Object v) {
        if (v == NO_VALUE) {
            return "invalid";
        }
        if (v instanceof List) {
            return "slice";
        }
        if (v instanceof Map) {
            return "map";
        }
        return "struct";
    }

    static boolean eq(Object arg1, Object[] arg2) throws FunctionException {
        arg1 = Values.indirectInterface(arg1);
        if (arg2.length == 0) {
            throw new FunctionException("missing argument for comparison");
        }
        BasicKind k1 = basicKind(arg1);
        for (Object a : arg2) {
            Object arg = Values.indirectInterface(a);
            BasicKind k2 = basicKind(arg);
            boolean truth;
            if (k1 != k2) {
                if (k1 == BasicKind.INT && k2 == BasicKind.UINT || k1 == BasicKind.UINT && k2 == BasicKind.INT) {
                    truth = integer(arg1) == integer(arg);
                } else if (arg1 != NO_VALUE && arg != NO_VALUE) {
                    throw new FunctionException(BAD_COMPARISON);
                } else {
                    truth = false;
                }
            } else {
                switch (k1) {
                    case BOOL:
                    case STRING:
                    case COMPLEX:
                        truth = arg1.equals(arg);
                        break;
                    case FLOAT:
                        truth = ((Double) arg1).doubleValue() == ((Double) arg).doubleValue();
                        break;
                    case INT:
                    case UINT:
                        truth = integer(arg1) == integer(arg);
                        break;
                    default: {
                        String kind1 = reflectKind(arg1);
                        String kind2 = reflectKind(arg);
                        if (!kind1.equals(kind2) && arg1 != NO_VALUE && arg != NO_VALUE) {
                            throw new FunctionException("non-comparable types " + GoFmt.sprintf("%s", arg1) + ": "
                                    + Values.typeName(arg1) + ", " + Values.typeName(arg) + ": " + GoFmt.sprintf("%v", arg));
                        }
                        boolean nil1 = arg1 == NO_VALUE;
                        boolean nil2 = arg == NO_VALUE;
                        if (nil1 || nil2) {
                            truth = nil1 == nil2;
                        } else {
                            if (arg instanceof List || arg instanceof Map || !(arg instanceof GoValue)) {
                                throw new FunctionException("non-comparable type " + GoFmt.sprintf("%s", arg) + ": "
                                        + Values.typeName(arg));
                            }
                            truth = Objects.equals(arg1, arg);
                        }
                    }
                }
            }
            if (truth) {
                return true;
            }
        }
        return false;
    }

    static boolean lt(Object arg1, Object arg2) throws FunctionException {
        arg1 = Values.indirectInterface(arg1);
        BasicKind k1 = basicKind(arg1);
        if (k1 == BasicKind.INVALID) {
            throw new FunctionException(BAD_COMPARISON_TYPE);
        }
        arg2 = Values.indirectInterface(arg2);
        BasicKind k2 = basicKind(arg2);
        if (k2 == BasicKind.INVALID) {
            throw new FunctionException(BAD_COMPARISON_TYPE);
        }
        if (k1 != k2) {
            if (k1 == BasicKind.INT && k2 == BasicKind.UINT || k1 == BasicKind.UINT && k2 == BasicKind.INT) {
                return integer(arg1) < integer(arg2);
            }
            throw new FunctionException(BAD_COMPARISON);
        }
        switch (k1) {
            case BOOL:
            case COMPLEX:
                throw new FunctionException(BAD_COMPARISON_TYPE);
            case FLOAT:
                return (Double) arg1 < (Double) arg2;
            case INT:
            case UINT:
                return integer(arg1) < integer(arg2);
            case STRING:
                return compareStrings((String) arg1, (String) arg2) < 0;
            default:
                throw new IllegalStateException("invalid kind");
        }
    }

    private static long integer(Object v) {
        return ((Number) v).longValue();
    }

    static boolean le(Object arg1, Object arg2) throws FunctionException {
        return lt(arg1, arg2) || eq(arg1, new Object[] {arg2});
    }

    private static int compareStrings(String a, String b) {
        return io.kubelauncher.gotemplate.format.GoStringOrder.compare(a, b);
    }

    // --- escapers ---

    /** Go's {@code evalArgs}: a lone string as is, otherwise {@code fmt.Sprint} with nil shown as {@code <no value>}. */
    private static String evalArgs(Object[] args) {
        if (args.length == 1 && args[0] instanceof String) {
            return (String) args[0];
        }
        Object[] printable = args.clone();
        for (int i = 0; i < printable.length; i++) {
            if (printable[i] == null) {
                printable[i] = "<no value>";
            }
        }
        return GoFmt.sprint(printable);
    }

    static String htmlEscape(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String rep;
            switch (c) {
                case 0: rep = "\uFFFD"; break;
                case '"': rep = "&#34;"; break;
                case '\'': rep = "&#39;"; break;
                case '&': rep = "&amp;"; break;
                case '<': rep = "&lt;"; break;
                case '>': rep = "&gt;"; break;
                default: rep = null;
            }
            if (rep == null) {
                if (sb != null) {
                    sb.append(c);
                }
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            sb.append(rep);
        }
        return sb == null ? s : sb.toString();
    }

    static String jsEscape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case '\\': sb.append("\\\\"); continue;
                case '\'': sb.append("\\'"); continue;
                case '"': sb.append("\\\""); continue;
                case '<': sb.append("\\u003C"); continue;
                case '>': sb.append("\\u003E"); continue;
                case '&': sb.append("\\u0026"); continue;
                case '=': sb.append("\\u003D"); continue;
                default: break;
            }
            if (c < ' ') {
                sb.append("\\u00").append("0123456789ABCDEF".charAt(c >> 4)).append("0123456789ABCDEF".charAt(c & 0xf));
            } else if (c < 0x80 || io.kubelauncher.gotemplate.format.GoStrconv.isPrint(c)) {
                sb.appendCodePoint(c);
            } else {
                String hex = Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT);
                sb.append("\\u");
                for (int k = hex.length(); k < 4; k++) {
                    sb.append('0');
                }
                sb.append(hex);
            }
        }
        return sb.toString();
    }

    /** Go's {@code url.QueryEscape}. */
    static String queryEscape(String s) {
        byte[] bytes = Values.utf8(s);
        StringBuilder sb = new StringBuilder(bytes.length + 8);
        for (byte b : bytes) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.' || c == '~') {
                sb.append((char) c);
            } else if (c == ' ') {
                sb.append('+');
            } else {
                sb.append('%').append("0123456789ABCDEF".charAt(c >> 4)).append("0123456789ABCDEF".charAt(c & 0xf));
            }
        }
        return sb.toString();
    }
}
