package io.kubelauncher.gotemplate.exec;

import io.kubelauncher.gotemplate.format.GoStrconv;
import io.kubelauncher.gotemplate.function.FunctionException;
import io.kubelauncher.gotemplate.function.GoType;
import io.kubelauncher.gotemplate.function.Signature;
import io.kubelauncher.gotemplate.function.TemplateFunction;
import io.kubelauncher.gotemplate.parse.Tree;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Executes the templates of one parsed set. Immutable and thread-safe: every render gets its own state.
 */
public final class Executor {

    /**
     * Helm's {@code include NAME DATA}: renders a template of the set into a string. Register it under
     * the name templates use (normally {@code include}); the executor recognises it by identity.
     */
    public static final TemplateFunction INCLUDE = new TemplateFunction() {
        private final Signature signature = Signature.of(GoType.STRING, GoType.STRING, GoType.ANY).withError();

        @Override
        public Signature signature() {
            return signature;
        }

        @Override
        public Object call(Object[] args) throws FunctionException {
            throw new FunctionException("include runs only inside a template execution");
        }

        @Override
        public String toString() {
            return "include";
        }
    };

    private final Map<String, Tree> templates;
    private final Map<String, TemplateFunction> functions;
    private final String rootName;

    /**
     * @param templates every template of the set by name
     * @param functions the functions templates may call, in addition to (and overriding) Go's builtins
     * @param rootName the name of the set's root template, used in Go's "no template" message
     */
    public Executor(Map<String, Tree> templates, Map<String, TemplateFunction> functions, String rootName) {
        this.templates = Map.copyOf(templates);
        Map<String, TemplateFunction> all = new HashMap<>(Builtins.ALL);
        all.putAll(functions);
        this.functions = Map.copyOf(all);
        this.rootName = rootName;
    }

    /** Go's builtin function names, which the parser must accept. */
    public static Set<String> builtinNames() {
        return Builtins.ALL.keySet();
    }

    public boolean hasTemplate(String name) {
        return templates.containsKey(name);
    }

    /**
     * Executes template {@code name} with {@code data} as dot, appending to {@code out}. On error, what
     * was rendered before it stays in {@code out}.
     */
    public void execute(String name, Object data, MissingKey missingKey, RenderLimits limits, StringBuilder out)
            throws ExecException {
        Tree tree = templates.get(name);
        if (tree == null) {
            throw new ExecException(noTemplate(name));
        }
        new State(this, missingKey, limits, out).run(tree, data);
    }

    String noTemplate(String name) {
        return "template: no template " + GoStrconv.quote(name) + " associated with template " + GoStrconv.quote(rootName);
    }

    Tree template(String name) {
        return templates.get(name);
    }

    TemplateFunction function(String name) {
        return functions.get(name);
    }
}
