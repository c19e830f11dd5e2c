package io.kubelauncher.kubernetes.admin;

import io.kubelauncher.kubernetes.render.TemplateDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The templates the plugin ships (what {@code --generate-templates} writes), as text. */
public final class DefaultTemplates {

    private DefaultTemplates() {
    }

    /** {@code job.tpl} and {@code service.tpl}, in that order. */
    public static Map<String, String> texts() {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String name : TemplateValidator.TEMPLATES) {
            try (InputStream in = TemplateDirectory.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("default template " + name + " is missing from the plugin's jar");
                }
                texts.put(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return texts;
    }
}
