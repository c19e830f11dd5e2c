package io.kubelauncher.kubernetes.admin;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code --generate-templates}: writes the default {@code job.tpl} and {@code service.tpl} into the
 * scratch path, creating the folder, and never overwrites a file that is already there (an
 * administrator's edits are precious).
 */
public final class TemplateGenerator {

    private final Map<String, String> defaults;

    /** @param defaults file name to default template text, in the order to write them */
    public TemplateGenerator(Map<String, String> defaults) {
        this.defaults = new LinkedHashMap<>(defaults);
    }

    public int run(Path scratchPath, PrintStream out, PrintStream err) {
        try {
            Files.createDirectories(scratchPath);
        } catch (IOException e) {
            err.println("Cannot create the scratch path " + scratchPath + ": " + e);
            return 1;
        }
        int status = 0;
        for (Map.Entry<String, String> template : defaults.entrySet()) {
            Path file = scratchPath.resolve(template.getKey());
            try {
                // CREATE_NEW makes "never overwrite" atomic: no window between a check and the write.
                Files.writeString(file, template.getValue(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                out.println("Wrote " + file);
            } catch (FileAlreadyExistsException e) {
                out.println(file + " already exists; left unchanged (--diff-templates shows how it differs)");
            } catch (IOException e) {
                err.println("Cannot write " + file + ": " + e);
                status = 1;
            }
        }
        return status;
    }
}
