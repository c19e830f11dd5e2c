package io.kubelauncher.kubernetes.render;

import io.kubelauncher.gotemplate.TemplateException;
import io.kubelauncher.gotemplate.TemplateSet;
import io.kubelauncher.gotemplate.function.TemplateFunction;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The templates in the scratch path: {@code job.tpl} and {@code service.tpl}, which the plugin
 * renders, plus every other {@code *.tpl} there, parsed into the same set for {@code include}.
 */
public final class TemplateDirectory {

    public static final String JOB = "job.tpl";
    public static final String SERVICE = "service.tpl";
    private static final List<String> RENDERED = List.of(JOB, SERVICE);

    private final Path dir;
    private final Map<String, TemplateFunction> functions;

    public TemplateDirectory(Path dir, Map<String, TemplateFunction> functions) {
        this.dir = Objects.requireNonNull(dir, "dir");
        this.functions = Map.copyOf(functions);
    }

    public Path path() {
        return dir;
    }

    /**
     * Writes our default templates where none exist; an existing file is never touched (it may
     * hold the administrator's changes).
     *
     * @return the files written
     */
    public List<Path> writeDefaultsIfMissing() throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new java.util.ArrayList<>();
        for (String name : RENDERED) {
            Path target = dir.resolve(name);
            if (Files.exists(target)) {
                continue;
            }
            try (InputStream in = TemplateDirectory.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IOException("default template " + name + " is missing from the plugin's jar");
                }
                Files.write(target, in.readAllBytes(), StandardOpenOption.CREATE_NEW);
                written.add(target);
            } catch (FileAlreadyExistsException raced) {
                // another instance wrote it first: theirs is as good as ours
            }
        }
        return written;
    }

    /** @throws TemplateLoadException naming the file that is missing, of another major version, or does not parse */
    public TemplateSet load() throws TemplateLoadException {
        for (String name : RENDERED) {
            Path file = dir.resolve(name);
            String text;
            try {
                text = Files.readString(file);
            } catch (IOException e) {
                throw new TemplateLoadException(file + ": cannot be read (" + e.getMessage() + "); run --generate-templates to create it", e);
            }
            String declared = TemplateVersion.declared(text).orElseThrow(() -> new TemplateLoadException(
                    file + ":1: the template must start with a '# Version: " + TemplateVersion.CURRENT + "' comment"));
            TemplateVersion version;
            try {
                version = TemplateVersion.parse(declared);
            } catch (IllegalArgumentException e) {
                throw new TemplateLoadException(file + ":1: " + e.getMessage());
            }
            if (!version.compatibleWith(TemplateVersion.CURRENT)) {
                throw new TemplateLoadException(file + ":1: template version " + version + " is not compatible with this plugin, which needs "
                        + TemplateVersion.CURRENT.major() + ".x (generated: " + TemplateVersion.CURRENT
                        + "); compare with --diff-templates and regenerate with --generate-templates");
            }
        }
        try {
            return TemplateSet.loadDirectory(dir, functions);
        } catch (TemplateException e) {
            throw new TemplateLoadException(dir + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new TemplateLoadException(dir + ": cannot read the templates (" + e.getMessage() + ")", e);
        }
    }
}
