package io.kubelauncher.kubernetes.admin;

import io.kubelauncher.kubernetes.admin.TemplateProblem.Check;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the scratch path's templates for use by the plugin, refusing a set the plugin cannot use:
 * a template missing, a version comment missing or incompatible, or a template that does not parse
 * or fails when rendered for the test job. Structural findings (a missing annotation and the like)
 * are logged as warnings but do not stop the templates from loading, as the admin guide says of
 * validation.
 */
public final class VerifiedTemplateLoader implements Reloadable.Loader<TemplateFiles> {

    private static final Logger LOG = LoggerFactory.getLogger(VerifiedTemplateLoader.class);

    private final Path scratchPath;
    private final TemplateValidator validator;

    public VerifiedTemplateLoader(Path scratchPath, TemplateValidator validator) {
        this.scratchPath = scratchPath;
        this.validator = validator;
    }

    @Override
    public TemplateFiles load() throws IOException, InvalidTemplatesException {
        TemplateFiles files = TemplateFiles.read(scratchPath);
        // Check the snapshot, not the live folder: an edit between check and use must not slip through.
        Path copy = Files.createTempDirectory("launcher-templates-check");
        try {
            files.writeTo(copy);
            List<TemplateProblem> problems = TemplateValidator.TEMPLATES.stream()
                    .flatMap(name -> validator.validate(copy, name, null).stream()).distinct().toList();
            List<TemplateProblem> fatal = problems.stream().filter(VerifiedTemplateLoader::isFatal).toList();
            if (!fatal.isEmpty()) {
                throw new InvalidTemplatesException("the templates in " + scratchPath + " cannot be used: "
                        + fatal.stream().map(TemplateProblem::toString).collect(Collectors.joining("; ")));
            }
            for (TemplateProblem problem : problems) {
                LOG.warn("Template problem in {}: {} (the template is used anyway; run --validate-templates)",
                        scratchPath, problem);
            }
            return files;
        } finally {
            deleteTree(copy);
        }
    }

    private static boolean isFatal(TemplateProblem problem) {
        return problem.check() == Check.VERSION || problem.check() == Check.SYNTAX || problem.line() == 0;
    }

    /** The templates cannot be used; the message lists why, with file and line. */
    public static final class InvalidTemplatesException extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidTemplatesException(String message) {
            super(message);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.debug("Could not remove the temporary template copy {}", root, e);
        }
    }
}
