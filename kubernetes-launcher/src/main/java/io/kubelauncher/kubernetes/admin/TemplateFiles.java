package io.kubelauncher.kubernetes.admin;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code *.tpl} files of a template folder, read into memory at one moment, so a reload that
 * turns out invalid cannot leave the plugin half on old and half on new templates.
 *
 * @param folder where they were read from
 * @param files file name to text, sorted by name (the order Go's glob parses them in)
 */
public record TemplateFiles(Path folder, Map<String, String> files) {

    public TemplateFiles {
        files = Map.copyOf(files);
    }

    public static TemplateFiles read(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (DirectoryStream<Path> templates = Files.newDirectoryStream(folder, "*.tpl")) {
            for (Path template : templates) {
                if (Files.isRegularFile(template)) {
                    files.put(template.getFileName().toString(), Files.readString(template));
                }
            }
        }
        return new TemplateFiles(folder, files);
    }

    /** Writes the files into {@code target}, e.g. a private copy to render from. */
    public void writeTo(Path target) throws IOException {
        Files.createDirectories(target);
        for (Map.Entry<String, String> file : new TreeMap<>(files).entrySet()) {
            Files.writeString(target.resolve(file.getKey()), file.getValue());
        }
    }
}
