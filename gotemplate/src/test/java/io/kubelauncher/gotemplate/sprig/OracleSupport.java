package io.kubelauncher.gotemplate.sprig;

import io.kubelauncher.gotemplate.format.GoFmt;
import io.kubelauncher.gotemplate.function.FunctionException;
import io.kubelauncher.gotemplate.function.TemplateFunction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.provider.Arguments;

/**
 * Shared vocabulary of the oracle-generated tests: the oracle's data.json values as fresh mutable
 * Java values, and how a function result is printed by a template ({{ f ... }}).
 */
public final class OracleSupport {

    public static final SprigLibrary SPRIG = SprigLibrary.create();

    private OracleSupport() {
    }

    public static Arguments row(String expected, String expr, String name, Object... args) {
        return Arguments.of(expected, expr, name, args == null ? new Object[] {null} : args);
    }

    /** What {{ NAME ARGS }} prints, or "ERR: " and the error text after "error calling NAME: ". */
    public static String render(Map<String, TemplateFunction> functions, String name, Object[] args) {
        TemplateFunction f = functions.get(name);
        if (f == null) {
            throw new AssertionError("no function " + name);
        }
        try {
            Object result = f.call(args);
            return result == null ? "<no value>" : GoFmt.formatValue(result);
        } catch (FunctionException e) {
            return "ERR: " + e.getMessage();
        }
    }

    public static Object call(String name, Object... args) {
        try {
            return SPRIG.functions().get(name).call(args);
        } catch (FunctionException e) {
            throw new AssertionError(e);
        }
    }

    public static List<Object> list(Object... items) {
        return new ArrayList<>(Arrays.asList(items));
    }

    public static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    public static List<Object> nums() {
        return list(1.0, 2.5, 1e6);
    }

    public static List<Object> tags() {
        return list("x", "y");
    }

    public static List<Object> emptyList() {
        return list();
    }

    public static Map<String, Object> emptyMap() {
        return map();
    }

    public static Map<String, Object> m() {
        return map("a", 1.0, "b", map("c", "d"));
    }
}
