package io.kubelauncher.kubernetes.admin;

import io.kubelauncher.kubernetes.render.TemplateDirectory;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code --generate-templates}: writes the default {@code job.tpl} and {@code service.tpl} into the
 * scratch path, creating the folder, and never overwrites a file that is already there (an
 * administrator's edits are precious). The writing is the plugin's own start-up step
 * ({@link TemplateDirectory#writeDefaultsIfMissing()}), so both write the same files; this adds the
 * report of what was written and what was left alone.
 */
public final class TemplateGenerator {

    public int run(Path scratchPath, PrintStream out, PrintStream err) {
        List<Path> written;
        try {
            written = new TemplateDirectory(scratchPath, Map.of()).writeDefaultsIfMissing();
        } catch (IOException e) {
            err.println("Cannot write the templates into " + scratchPath + ": " + e);
            return 1;
        }
        for (String name : TemplateValidator.TEMPLATES) {
            Path file = scratchPath.resolve(name);
            if (written.contains(file)) {
                out.println("Wrote " + file);
            } else {
                out.println(file + " already exists; left unchanged (--diff-templates shows how it differs)");
            }
        }
        return 0;
    }
}
