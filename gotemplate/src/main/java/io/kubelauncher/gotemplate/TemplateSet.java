package io.kubelauncher.gotemplate;

import io.kubelauncher.gotemplate.exec.ExecException;
import io.kubelauncher.gotemplate.exec.Executor;
import io.kubelauncher.gotemplate.format.GoStringOrder;
import io.kubelauncher.gotemplate.function.TemplateFunction;
import io.kubelauncher.gotemplate.parse.ParseException;
import io.kubelauncher.gotemplate.parse.Parser;
import io.kubelauncher.gotemplate.parse.Tree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A parsed set of Go templates sharing one namespace and one function map, like a Go
 * {@code *template.Template} built with {@code New(root).Funcs(fm)} and one {@code New(name).Parse(text)}
 * per file. Immutable and thread-safe: parse once, render many times, concurrently.
 *
 * <pre>{@code
 * Map<String, TemplateFunction> functions = new HashMap<>(sprigFunctions);
 * functions.put("include", TemplateSet.INCLUDE);
 * TemplateSet set = TemplateSet.loadDirectory(Path.of("/etc/rstudio"), functions);
 * String yaml = set.render("job.tpl", data, RenderOptions.of(MissingKey.ZERO));
 * }</pre>
 */
public final class TemplateSet {

    /** The root template's name, as Helm names it; it shows in "no template" messages. */
    public static final String DEFAULT_ROOT_NAME = "gotpl";

    /** Helm's {@code include NAME DATA}; register it in the function map under the name templates use. */
    public static final TemplateFunction INCLUDE = Executor.INCLUDE;

    private final Executor executor;
    private final List<String> names;

    private TemplateSet(Executor executor, List<String> names) {
        this.executor = executor;
        this.names = List.copyOf(names);
    }

    /** A builder for a set with the given functions (in addition to Go's builtins, which they override). */
    public static Builder builder(Map<String, TemplateFunction> functions) {
        return new Builder(functions);
    }

    /**
     * Parses every {@code *.tpl} file directly in {@code dir}, in byte order of file name, each as a
     * template named after its file name.
     *
     * @throws TemplateException with Go's message when a file does not parse, or when there is no template file
     * @throws IOException when the folder or a file cannot be read
     */
    public static TemplateSet loadDirectory(Path dir, Map<String, TemplateFunction> functions)
            throws IOException, TemplateException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*.tpl")) {
            for (Path p : stream) {
                files.add(p);
            }
        }
        if (files.isEmpty()) {
            throw new TemplateException(TemplateException.Phase.PARSE, "templates: no *.tpl files in " + dir);
        }
        files.sort((a, b) -> GoStringOrder.compare(a.getFileName().toString(), b.getFileName().toString()));
        Builder builder = builder(functions);
        for (Path file : files) {
            builder.parse(file.getFileName().toString(), new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
        }
        return builder.build();
    }

    /** The names of every template in the set (files and definitions). */
    public List<String> templateNames() {
        return names;
    }

    public boolean hasTemplate(String name) {
        return executor.hasTemplate(name);
    }

    /** Renders template {@code name} with Go's default options. */
    public String render(String name, Object data) throws TemplateException {
        return render(name, data, RenderOptions.DEFAULT);
    }

    /** Renders template {@code name} with {@code data} as dot (JSON-shaped values, see {@link GoJson}). */
    public String render(String name, Object data, RenderOptions options) throws TemplateException {
        StringBuilder out = new StringBuilder(4096);
        render(name, data, options, out);
        return out.toString();
    }

    /** Renders into {@code out}; on error, what was rendered before it stays in {@code out} (Go's partial output). */
    public void render(String name, Object data, RenderOptions options, StringBuilder out) throws TemplateException {
        try {
            executor.execute(name, data, options.missingKey(), options.limits(), out);
        } catch (ExecException e) {
            throw new TemplateException(TemplateException.Phase.EXECUTE, e.getMessage());
        }
    }

    /** Collects template texts into a set, applying Go's redefinition rules in the order texts are added. */
    public static final class Builder {
        private final Map<String, TemplateFunction> functions;
        private final Map<String, Tree> templates = new LinkedHashMap<>();
        private String rootName = DEFAULT_ROOT_NAME;

        private Builder(Map<String, TemplateFunction> functions) {
            this.functions = Map.copyOf(functions);
        }

        public Builder rootName(String name) {
            this.rootName = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * Parses {@code text} as template {@code name}. Its {@code define}s and {@code block}s join the set:
         * a non-empty definition replaces an earlier one of the same name, an empty one never does.
         */
        public Builder parse(String name, String text) throws TemplateException {
            Set<String> builtins = Executor.builtinNames();
            Map<String, Tree> trees;
            try {
                trees = Parser.parse(name, text, f -> functions.containsKey(f) || builtins.contains(f));
            } catch (ParseException e) {
                throw new TemplateException(TemplateException.Phase.PARSE, e.getMessage());
            }
            for (Tree tree : trees.values()) {
                Tree old = templates.get(tree.name());
                if (old != null && Tree.isEmpty(tree.root())) {
                    continue; // Go keeps a definition rather than replace it with an empty one
                }
                templates.put(tree.name(), tree);
            }
            return this;
        }

        public TemplateSet build() {
            return new TemplateSet(new Executor(templates, functions, rootName), new ArrayList<>(templates.keySet()));
        }
    }
}
