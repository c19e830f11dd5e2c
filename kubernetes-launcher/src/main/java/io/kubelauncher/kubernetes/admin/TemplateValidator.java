package io.kubelauncher.kubernetes.admin;

import io.kubelauncher.kubernetes.admin.RenderedObjectChecker.Kind;
import io.kubelauncher.kubernetes.admin.TemplateProblem.Check;
import io.kubelauncher.kubernetes.render.TemplateVersion;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code --validate-templates [--verbose]}: renders {@code job.tpl} and {@code service.tpl} of the
 * scratch path for a test job and reports each of the admin guide's checks with file and line.
 * Exit status 0 when every check passes, 1 otherwise.
 */
public final class TemplateValidator {

    static final List<String> TEMPLATES = List.of("job.tpl", "service.tpl");

    private final TemplateRenderer renderer;
    private final Function<String, Map<String, Object>> testJob;
    private final RenderedObjectChecker checker = new RenderedObjectChecker();

    /** @param renderer renders the scratch path's templates as the plugin does */
    public TemplateValidator(TemplateRenderer renderer) {
        this(renderer, ValidationJob::context);
    }

    TemplateValidator(TemplateRenderer renderer, Function<String, Map<String, Object>> testJob) {
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.testJob = Objects.requireNonNull(testJob, "testJob");
    }

    /** Validates, printing findings (and with {@code verbose} the rendered YAML) to {@code out}. */
    public int run(Path scratchPath, boolean verbose, PrintStream out, PrintStream err) {
        out.println("Validating templates in " + scratchPath + " for a test job");
        Set<TemplateProblem> problems = new LinkedHashSet<>();
        for (String name : TEMPLATES) {
            List<TemplateProblem> found = validate(scratchPath, name, verbose ? out : null);
            if (found.isEmpty()) {
                out.println(name + ": OK");
            } else if (problems.containsAll(found)) {
                // All templates parse as one set, so one syntax error fails every rendering.
                out.println(name + ": not rendered: the error above stops every template");
            }
            for (TemplateProblem problem : found) {
                if (problems.add(problem)) {
                    out.println(problem);
                }
            }
        }
        if (problems.isEmpty()) {
            out.println("All templates are valid.");
            return 0;
        }
        err.println(problems.size() + (problems.size() == 1 ? " problem" : " problems") + " found in the templates in "
                + scratchPath + ". The plugin uses the templates anyway, but these problems are likely to break jobs.");
        return 1;
    }

    /** Validates one template; {@code echo}, when given, receives the rendered YAML. */
    List<TemplateProblem> validate(Path scratchPath, String name, PrintStream echo) {
        Path file = scratchPath.resolve(name);
        if (!Files.isRegularFile(file)) {
            return List.of(new TemplateProblem(name, 0, Check.REQUIRED, file + " does not exist; run"
                    + " --generate-templates to create it"));
        }
        String template;
        try {
            template = Files.readString(file);
        } catch (IOException e) {
            return List.of(new TemplateProblem(name, 0, Check.REQUIRED, "cannot read " + file + ": " + e.getMessage()));
        }
        List<TemplateProblem> problems = new ArrayList<>(version(name, template));
        Map<String, Object> job = testJob.apply(name);
        String rendered;
        try {
            rendered = renderer.render(scratchPath, name, job);
        } catch (TemplateRenderingException e) {
            problems.add(new TemplateProblem(e.file(), e.line(), Check.SYNTAX, e.getMessage()));
            return problems;
        }
        if (echo != null) {
            echo.println("--- " + name + " rendered for the test job:");
            echo.print(rendered);
            if (!rendered.endsWith("\n")) {
                echo.println();
            }
            echo.println("--- end of " + name);
        }
        Kind kind = name.equals("job.tpl") ? Kind.JOB : Kind.SERVICE;
        problems.addAll(checker.check(name, kind, template, rendered, ExpectedJob.fromContext(job)));
        return problems;
    }

    /** The same rule the plugin applies when it loads the templates ({@link TemplateVersion}). */
    private static List<TemplateProblem> version(String name, String template) {
        Optional<String> comment = TemplateVersion.declared(template);
        if (comment.isEmpty()) {
            return List.of(new TemplateProblem(name, 1, Check.VERSION, "the template must start with a '# Version: "
                    + TemplateVersion.CURRENT + "' comment"));
        }
        TemplateVersion version;
        try {
            version = TemplateVersion.parse(comment.get());
        } catch (IllegalArgumentException e) {
            return List.of(new TemplateProblem(name, 1, Check.VERSION, e.getMessage()));
        }
        if (!version.compatibleWith(TemplateVersion.CURRENT)) {
            return List.of(new TemplateProblem(name, 1, Check.VERSION, "template version " + comment.get()
                    + " is not compatible with this plugin, which needs " + TemplateVersion.CURRENT.major()
                    + ".x (it generates " + TemplateVersion.CURRENT + "); regenerate it with --generate-templates"
                    + " and carry your changes over (--diff-templates shows them)"));
        }
        return List.of();
    }
}
