package io.kubelauncher.gotemplate.helm;

import io.kubelauncher.gotemplate.function.FunctionException;
import io.kubelauncher.gotemplate.function.GoType;
import io.kubelauncher.gotemplate.function.Signature;
import io.kubelauncher.gotemplate.function.TemplateFunction;
import io.kubelauncher.gotemplate.function.TypedList;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The plugin's functions beyond Sprig: Helm's {@code toYaml}/{@code fromYaml}, {@code exec} and
 * {@code groups}, with the semantics of the project's Go oracle.
 *
 * <pre>{@code
 * Map<String, TemplateFunction> fns = HelmFunctions.builder()
 *         .groupsResolver(user -> nss.groupNames(user))   // default: runs `groups USER`
 *         .commandRunner(new ProcessCommandRunner(env, workDir, executor))
 *         .build().functions();
 * }</pre>
 */
public final class HelmFunctions {

    /** The Go type of {@code exec}'s result. */
    public static final GoType EXEC_RESULT = GoType.object(ExecResult.GO_TYPE, ExecResult.class);

    private final Map<String, TemplateFunction> functions;

    private HelmFunctions(Map<String, TemplateFunction> functions) {
        this.functions = Map.copyOf(functions);
    }

    /** The functions with the defaults: this process's environment for exec, the groups command. */
    public static HelmFunctions create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Every function by name; immutable. */
    public Map<String, TemplateFunction> functions() {
        return functions;
    }

    /** Chooses how exec runs programs and how groups are resolved. */
    public static final class Builder {
        private CommandRunner commandRunner;
        private GroupsResolver groupsResolver;

        private Builder() {
        }

        public Builder commandRunner(CommandRunner runner) {
            this.commandRunner = Objects.requireNonNull(runner, "runner");
            return this;
        }

        public Builder groupsResolver(GroupsResolver resolver) {
            this.groupsResolver = Objects.requireNonNull(resolver, "resolver");
            return this;
        }

        public HelmFunctions build() {
            CommandRunner runner = commandRunner;
            GroupsResolver groups = groupsResolver;
            if (runner == null || groups == null) {
                ProcessCommandRunner process = ProcessCommandRunner.inheritingProcess();
                runner = runner == null ? process : runner;
                groups = groups == null ? process.groupsResolver() : groups;
            }
            CommandRunner exec = runner;
            GroupsResolver resolver = groups;
            Map<String, TemplateFunction> f = new LinkedHashMap<>();
            f.put("toYaml", function(Signature.of(GoType.STRING, GoType.ANY), a -> HelmYaml.toYaml(a[0])));
            f.put("fromYaml", function(Signature.of(GoType.MAP, GoType.STRING), a -> HelmFromYaml.fromYaml((String) a[0])));
            f.put("exec", function(Signature.variadic(EXEC_RESULT, GoType.STRING, GoType.STRING), a -> {
                List<String> args = Arrays.stream(a, 1, a.length).map(String.class::cast).toList();
                return exec.run((String) a[0], args);
            }));
            f.put("groups", function(Signature.of(GoType.STRING_LIST, GoType.STRING).withError(),
                    a -> TypedList.ofStrings(resolver.groupsOf((String) a[0]))));
            return new HelmFunctions(f);
        }
    }

    /** A function body over converted arguments. */
    @FunctionalInterface
    private interface Body {
        Object call(Object[] args) throws FunctionException;
    }

    private static TemplateFunction function(Signature signature, Body body) {
        return new TemplateFunction() {
            @Override
            public Signature signature() {
                return signature;
            }

            @Override
            public Object call(Object[] args) throws FunctionException {
                return body.call(args);
            }
        };
    }
}
