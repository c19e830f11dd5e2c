package io.kubelauncher.kubernetes.admin;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code --diff-templates}: shows, with {@code diff -u}, how the scratch path's templates differ
 * from what {@code --generate-templates} would write. Exit status as diff's: 0 when identical, 1 when
 * they differ, 2 on trouble (no diff on the PATH, a template missing, an I/O error).
 */
public final class TemplateDiff {

    private final Map<String, String> defaults;
    private final String searchPath;

    /**
     * @param defaults file name to default template text
     * @param searchPath the PATH to find {@code diff} on (normally {@code System.getenv("PATH")})
     */
    public TemplateDiff(Map<String, String> defaults, String searchPath) {
        this.defaults = new LinkedHashMap<>(defaults);
        this.searchPath = searchPath == null ? "" : searchPath;
    }

    public int run(Path scratchPath, PrintStream out, PrintStream err) {
        Optional<Path> diff = findDiff();
        if (diff.isEmpty()) {
            err.println("--diff-templates needs the diff command, and there is none on the PATH (" + searchPath
                    + "). Install it (Debian/Ubuntu: apt-get install diffutils; RHEL: dnf install diffutils)"
                    + " and run the command again.");
            return 2;
        }
        Path originals;
        try {
            originals = Files.createTempDirectory("launcher-generated-templates");
        } catch (IOException e) {
            err.println("Cannot create a temporary folder for the generated templates: " + e);
            return 2;
        }
        try {
            int status = 0;
            for (Map.Entry<String, String> template : defaults.entrySet()) {
                status = Math.max(status, diffOne(diff.get(), originals, scratchPath, template, out, err));
            }
            return status;
        } finally {
            deleteTree(originals);
        }
    }

    private int diffOne(Path diff, Path originals, Path scratchPath, Map.Entry<String, String> template,
            PrintStream out, PrintStream err) {
        String name = template.getKey();
        Path edited = scratchPath.resolve(name);
        if (!Files.isRegularFile(edited)) {
            err.println(edited + " does not exist; run --generate-templates to create it");
            return 2;
        }
        try {
            Path original = originals.resolve(name);
            Files.writeString(original, template.getValue());
            List<String> command = new ArrayList<>(List.of(diff.toString(), "-u",
                    "--label", name + " (as --generate-templates writes it)", "--label", edited.toString(),
                    original.toString(), edited.toString()));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            try (InputStream output = process.getInputStream()) {
                output.transferTo(out);
            }
            int exit = process.waitFor();
            if (exit == 0) {
                out.println(name + ": no changes");
            } else if (exit > 1) {
                err.println("diff failed for " + name + " (exit status " + exit + ")");
            }
            return exit;
        } catch (IOException e) {
            err.println("Cannot compare " + edited + ": " + e);
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("Interrupted while comparing " + edited);
            return 2;
        }
    }

    private Optional<Path> findDiff() {
        for (String dir : searchPath.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, "diff");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
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
            // A leftover temporary copy of the defaults is harmless; the diff result stands.
        }
    }
}
