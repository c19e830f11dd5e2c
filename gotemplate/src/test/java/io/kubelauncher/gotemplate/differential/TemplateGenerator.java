package io.kubelauncher.gotemplate.differential;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded, grammar-based generator of template sets and JSON data. It aims at Go's corners: missing
 * keys and nulls, number syntaxes and kinds, comparisons across kinds, variables and scopes, control
 * flow with break/continue/else, define/template/block/include across files, trim markers, comments,
 * and a share of parse and execution errors.
 */
final class TemplateGenerator {

    private static final String[] KEYS = {"a", "b", "name", "list", "m", "n", "x", "nul", "flag", "s", "Upper", "items"};
    private static final String[] STRINGS = {"", "x", "hello", "0", "false", "a b", "h\u00e9llo", "<&>\"'", "%d", "line1\nline2", "Zz", "-"};
    private static final double[] NUMBERS = {0, 1, -1, 2.5, 3, 1e6, 1234567, 0.0001, 0.00001, 100000, 1e21, 7, 123456.5, -0.5};
    private static final String[] NUMBER_LITERALS = {"0", "1", "-1", "3", "3.0", "1e6", "0x10", "0o7", "0b101", "1_000", "'a'",
        "2.5", ".5", "1e-5", "-2", "'\\n'", "0X1F", "1e3", "0x1p4", "2147483647", "18446744073709551615", "1.5e300"};
    /** Literals Go rejects at parse time (rarely generated: one fails the whole set). */
    private static final String[] BAD_LITERALS = {"08", "1__0", "1e", "0x", "'ab'", "\"\\q\"", "1e400", "0b12"};
    private static final String[] STRING_LITERALS = {"\"s\"", "\"a\\tb\"", "`raw`", "\"\\u00e9\"", "\"%d\"", "\"\"", "\"x\"",
        "\"hello\"", "\"a b\"", "\"\\x41\"", "`a\\nb`", "\"<b>\"", "\"%s=%v\"", "\"name\""};
    private static final String[] TEXTS = {"a", " ", "\n", "x y", "  \n  ", "\u00e9", "-", "[", "]", "\t", "text", ";"};
    private static final String[] FORMATS = {"\"%v\"", "\"%s\"", "\"%d\"", "\"%v-%v\"", "\"%q\"", "\"[%v]\"", "\"%s %d\""};

    /** Sprig and Helm functions the launcher templates use, with how many arguments to give them. */
    private static final String[][] SPRIG = {
        {"default", "2"}, {"quote", "1"}, {"squote", "1"}, {"upper", "1"}, {"lower", "1"}, {"trim", "1"}, {"toYaml", "1"},
        {"toJson", "1"}, {"nindent", "N1"}, {"indent", "N1"}, {"list", "3"}, {"dict", "D"}, {"get", "M1"}, {"hasKey", "M1"},
        {"empty", "1"}, {"coalesce", "3"}, {"ternary", "3"}, {"join", "S1"}, {"int", "1"}, {"toString", "1"},
        {"b64enc", "1"}, {"contains", "2"}, {"replace", "3"}, {"splitList", "S1"}, {"keys", "1"}, {"until", "N"},
        {"add", "2"}, {"mul", "2"}, {"len", "1"}, {"first", "1"}, {"last", "1"}, {"trimSuffix", "2"}, {"hasPrefix", "2"},
        {"title", "1"}, {"kindOf", "1"}, {"typeOf", "1"}, {"toStrings", "1"}, {"uniq", "1"}, {"sortAlpha", "1"},
        {"required", "2"}, {"fromYaml", "1"}, {"float64", "1"}, {"int64", "1"}, {"max", "2"}, {"atoi", "1"}, {"repeat", "N1"},
    };

    private final Random random;
    private final boolean sprig;
    private int depth;
    private List<String> vars;
    private int varCounter;
    private int rangeDepth;
    private List<String> callable;

    private final List<String[]> sprigFunctions = new ArrayList<>();

    /**
     * @param available the functions the engine under test provides: Sprig functions it lacks are not
     *     generated (they would fail every set at parse time)
     */
    TemplateGenerator(long seed, boolean sprig, java.util.Set<String> available) {
        this.random = new Random(seed);
        this.sprig = sprig;
        for (String[] f : SPRIG) {
            if (available.contains(f[0])) {
                sprigFunctions.add(f);
            }
        }
    }

    /** One generated case. */
    record Case(List<TemplateFile> files, Object data, String entry, List<String> flags) {
    }

    /** One template file: its name and top-level items, which shrinking removes one by one. */
    record TemplateFile(String name, List<String> items) {
        String text() {
            return String.join("", items);
        }
    }

    Case next() {
        Object data = genObject(0);
        int nFiles = 1 + random.nextInt(3);
        List<TemplateFile> files = new ArrayList<>();
        List<String> defines = new ArrayList<>();
        for (int f = 0; f < nFiles; f++) {
            String fileName = "f" + f + ".tpl";
            List<String> items = new ArrayList<>();
            int nItems = 1 + random.nextInt(6);
            for (int i = 0; i < nItems; i++) {
                if (random.nextInt(5) == 0) {
                    String name = "d" + f + (random.nextInt(10) == 0 ? 0 : i) + (random.nextInt(4) == 0 ? "" : "x");
                    callable = new ArrayList<>(defines);
                    vars = new ArrayList<>(List.of("$"));
                    depth = 1;
                    rangeDepth = 0;
                    items.add("{{ define \"" + name + "\" }}" + body(2) + "{{ end }}");
                    if (!defines.contains(name)) {
                        defines.add(name);
                    }
                } else {
                    callable = new ArrayList<>(defines);
                    vars = new ArrayList<>(List.of("$"));
                    depth = 0;
                    rangeDepth = 0;
                    items.add(item());
                }
            }
            files.add(new TemplateFile(fileName, items));
        }
        String entry = random.nextInt(8) == 0 && !defines.isEmpty() ? pick(defines) : "f0.tpl";
        List<String> flags = new ArrayList<>();
        switch (random.nextInt(8)) {
            case 0: flags.add("--strict"); break;
            case 1: flags.add("--missingkey=zero"); break;
            case 2: flags.add("--partial"); break;
            default: break;
        }
        return new Case(files, data, entry, flags);
    }

    // --- data ---

    private Object genObject(int d) {
        Map<String, Object> m = new LinkedHashMap<>();
        int n = d == 0 ? 4 + random.nextInt(6) : random.nextInt(4);
        for (int i = 0; i < n; i++) {
            m.put(pick(KEYS), genValue(d + 1));
        }
        return m;
    }

    private Object genValue(int d) {
        int r = random.nextInt(d > 2 ? 5 : 8);
        switch (r) {
            case 0: return pick(STRINGS);
            case 1: return NUMBERS[random.nextInt(NUMBERS.length)];
            case 2: return random.nextBoolean();
            case 3: return null;
            case 4: return pick(STRINGS);
            case 5: case 6: {
                List<Object> l = new ArrayList<>();
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    l.add(genValue(d + 1));
                }
                return l;
            }
            default: return genObject(d);
        }
    }

    // --- templates ---

    private String body(int n) {
        StringBuilder sb = new StringBuilder();
        int count = 1 + random.nextInt(n);
        for (int i = 0; i < count; i++) {
            sb.append(item());
        }
        return sb.toString();
    }

    private String item() {
        depth++;
        try {
            int r = random.nextInt(depth > 3 ? 4 : 16);
            switch (r) {
                case 0: case 1: return pick(TEXTS);
                case 2: case 3: return action(pipeline());
                case 4: return declare();
                case 5: return assign();
                case 6: case 7: return ifItem();
                case 8: return withItem();
                case 9: case 10: return rangeItem();
                case 11: return templateItem();
                case 12: return comment();
                case 13: return blockItem();
                case 14: return rangeDepth > 0 ? (random.nextBoolean() ? "{{ break }}" : "{{continue}}") : pick(TEXTS);
                default: return action(pipeline());
            }
        } finally {
            depth--;
        }
    }

    private String open() {
        return random.nextInt(6) == 0 ? "{{- " : "{{ ";
    }

    private String close() {
        return random.nextInt(6) == 0 ? " -}}" : " }}";
    }

    private String action(String pipe) {
        return open() + pipe + close();
    }

    private String comment() {
        switch (random.nextInt(4)) {
            case 0: return "{{/* c */}}";
            case 1: return "{{- /* c\nd */ -}}";
            case 2: return random.nextInt(15) == 0 ? "{{ /* bad */ }}" : "{{/* c */ -}}";
            default: return "{{/* x */ -}}";
        }
    }

    private String declare() {
        String v = "$v" + (varCounter++ % 4);
        String s = open() + v + " := " + pipeline() + close();
        vars.add(v);
        return s;
    }

    private String assign() {
        if (vars.size() <= 1 && random.nextInt(30) != 0) {
            return declare();
        }
        String v = vars.size() > 1 && random.nextInt(30) != 0 ? pick(vars.subList(1, vars.size())) : "$v" + random.nextInt(4);
        if (!vars.contains(v)) {
            vars.add(v); // the parser accepts it; execution reports "undefined variable"
        }
        return open() + v + " = " + pipeline() + close();
    }

    private String ifItem() {
        int mark = vars.size();
        StringBuilder sb = new StringBuilder(open() + "if " + pipeline() + close());
        sb.append(body(3));
        while (random.nextInt(3) == 0) {
            sb.append("{{ else if ").append(pipeline()).append(" }}").append(body(2));
        }
        if (random.nextBoolean()) {
            sb.append("{{ else }}").append(body(2));
        }
        sb.append(open()).append("end").append(close());
        trim(mark);
        return sb.toString();
    }

    private String withItem() {
        int mark = vars.size();
        StringBuilder sb = new StringBuilder(open() + "with " + pipeline() + close());
        sb.append(body(3));
        if (random.nextInt(3) == 0) {
            sb.append("{{ else with ").append(pipeline()).append(" }}").append(body(2));
        }
        if (random.nextBoolean()) {
            sb.append("{{ else }}").append(body(2));
        }
        sb.append("{{ end }}");
        trim(mark);
        return sb.toString();
    }

    private String rangeItem() {
        int mark = vars.size();
        String decl = "";
        switch (random.nextInt(4)) {
            case 0: {
                String i = "$i" + depth;
                String e = "$e" + depth;
                decl = i + ", " + e + " := ";
                vars.add(i);
                vars.add(e);
                break;
            }
            case 1: {
                String e = "$e" + depth;
                decl = e + " := ";
                vars.add(e);
                break;
            }
            default:
                break;
        }
        String head = open() + "range " + decl + (random.nextInt(4) == 0 ? pipeline() : field()) + close();
        rangeDepth++;
        String b = body(3);
        rangeDepth--;
        String elseBody = random.nextInt(3) == 0 ? "{{ else }}" + body(2) : "";
        trim(mark);
        return head + b + elseBody + "{{ end }}";
    }

    private String templateItem() {
        if (callable.isEmpty()) {
            return random.nextInt(12) == 0 ? "{{ template \"nope\" . }}" : pick(TEXTS);
        }
        String name = pick(callable);
        switch (random.nextInt(3)) {
            case 0: return "{{ template \"" + name + "\" }}";
            case 1: return "{{ include \"" + name + "\" " + operand(1) + " }}";
            default: return "{{ template \"" + name + "\" " + pipeline() + " }}";
        }
    }

    private String blockItem() {
        if (depth > 1) {
            return pick(TEXTS);
        }
        List<String> savedVars = vars;
        int savedRange = rangeDepth;
        vars = new ArrayList<>(List.of("$"));
        rangeDepth = 0;
        String b = body(2);
        vars = savedVars;
        rangeDepth = savedRange;
        return "{{ block \"b" + random.nextInt(2) + "\" " + operand(1) + " }}" + b + "{{ end }}";
    }

    private void trim(int mark) {
        while (vars.size() > mark) {
            vars.remove(vars.size() - 1);
        }
    }

    // --- pipelines ---

    private String pipeline() {
        String first = command(0);
        int stages = random.nextInt(5) == 0 ? 1 + random.nextInt(2) : 0;
        StringBuilder sb = new StringBuilder(first);
        for (int i = 0; i < stages; i++) {
            sb.append(" | ").append(pipeStage());
        }
        return sb.toString();
    }

    private String pipeStage() {
        switch (random.nextInt(8)) {
            case 0: return "len";
            case 1: return "print";
            case 2: return "printf " + pick(FORMATS);
            case 3: return "eq " + operand(2);
            case 4: return "not";
            case 5: return "html";
            case 6: return "index " + operand(2);
            default: return random.nextInt(50) == 0 ? "3" : "println";
        }
    }

    private String command(int level) {
        if (level > 2 || random.nextInt(3) == 0) {
            return operand(level);
        }
        if (sprig && !sprigFunctions.isEmpty() && random.nextInt(3) == 0) {
            return sprigCall(level);
        }
        switch (random.nextInt(17)) {
            case 0: return "len " + operand(level + 1);
            case 1: return "index " + operand(level + 1) + " " + indexArg(level);
            case 2: return "eq " + operand(level + 1) + " " + operand(level + 1) + (random.nextInt(4) == 0 ? " " + operand(level + 1) : "");
            case 3: return pick(new String[] {"ne", "lt", "le", "gt", "ge"}) + " " + operand(level + 1) + " " + operand(level + 1);
            case 4: return pick(new String[] {"and", "or"}) + " " + operand(level + 1) + " " + operand(level + 1)
                    + (random.nextBoolean() ? " " + operand(level + 1) : "");
            case 5: return "not " + operand(level + 1);
            case 6: return "print " + operands(level, 3);
            case 7: return "println " + operands(level, 2);
            case 8: return "printf " + pick(FORMATS) + " " + operands(level, 2);
            case 9: return pick(new String[] {"html", "js", "urlquery"}) + " " + operands(level, 2);
            case 10: return callable.isEmpty() ? "len " + operand(level + 1) : "include \"" + pick(callable) + "\" " + operand(level + 1);
            case 11: return "index " + operand(level + 1) + " " + indexArg(level) + " " + indexArg(level);
            case 12: return random.nextInt(4) == 0 ? "call " + operand(level + 1) : operand(level);
            default: return operand(level);
        }
    }

    private String sprigCall(int level) {
        String[] f = pick(sprigFunctions);
        String args;
        switch (f[1]) {
            case "N1": args = (random.nextInt(4)) + " " + operand(level + 1); break;
            case "N": args = String.valueOf(random.nextInt(4)); break;
            case "D": args = "\"" + pick(KEYS) + "\" " + operand(level + 1); break;
            case "M1": args = operand(level + 1) + " \"" + pick(KEYS) + "\""; break;
            case "S1": args = "\",\" " + operand(level + 1); break;
            default: {
                int n = Integer.parseInt(f[1]);
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < n; i++) {
                    sb.append(i > 0 ? " " : "").append(operand(level + 1));
                }
                args = sb.toString();
            }
        }
        return f[0] + " " + args;
    }

    private String indexArg(int level) {
        switch (random.nextInt(4)) {
            case 0: return "\"" + pick(KEYS) + "\"";
            case 1: return String.valueOf(random.nextInt(3));
            default: return operand(level + 1);
        }
    }

    private String operands(int level, int max) {
        int n = random.nextInt(max + 1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(operand(level + 1));
        }
        return sb.toString();
    }

    private String operand(int level) {
        int r = random.nextInt(level > 2 ? 6 : 11);
        switch (r) {
            case 0: case 1: case 2: return field();
            case 3: return random.nextInt(60) == 0 ? pick(BAD_LITERALS) : pick(NUMBER_LITERALS);
            case 4: return pick(STRING_LITERALS);
            case 5: return variable();
            case 6: return random.nextBoolean() ? "true" : "false";
            case 7: return random.nextInt(8) == 0 ? "nil" : ".";
            case 8: case 9: return "(" + pipeline() + ")" + (random.nextInt(4) == 0 ? "." + pick(KEYS) : "");
            default: return field();
        }
    }

    private String field() {
        if (random.nextInt(8) == 0) {
            return ".";
        }
        StringBuilder sb = new StringBuilder();
        int n = 1 + (random.nextInt(3) == 0 ? 1 + random.nextInt(2) : 0);
        for (int i = 0; i < n; i++) {
            sb.append('.').append(pick(KEYS));
        }
        return sb.toString();
    }

    private String variable() {
        String v = pick(vars);
        if (random.nextInt(150) == 0) {
            v = "$undeclared";
        }
        if (random.nextInt(3) == 0) {
            v += "." + pick(KEYS);
        }
        return v;
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private <T> T pick(T[] array) {
        return array[random.nextInt(array.length)];
    }
}
