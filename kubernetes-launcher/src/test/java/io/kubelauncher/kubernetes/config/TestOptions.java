package io.kubelauncher.kubernetes.config;

import io.kubelauncher.api.options.OptionSource;
import io.kubelauncher.api.options.OptionValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A tiny option source for tests: a file of name=value lines (origin FILE:LINE) merged with
 * command-line values (origin "command line --NAME"), the file winning as in the SDK. The real
 * parser is the api module's; this one only produces inputs with realistic origins.
 */
final class TestOptions implements OptionSource {

    private final Map<String, OptionValue> values = new LinkedHashMap<>();

    static TestOptions of(String... nameValuePairs) {
        TestOptions options = new TestOptions();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            options.commandLine(nameValuePairs[i], nameValuePairs[i + 1]);
        }
        return options;
    }

    static TestOptions file(Path file) throws IOException {
        TestOptions options = new TestOptions();
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).replaceAll("#.*", "").strip();
            int eq = line.indexOf('=');
            if (eq > 0) {
                String name = line.substring(0, eq).strip();
                options.values.put(name, new OptionValue(name, line.substring(eq + 1).strip(), file + ":" + (i + 1)));
            }
        }
        return options;
    }

    /** Adds a command-line value unless the file already set the option. */
    TestOptions commandLine(String name, String value) {
        values.putIfAbsent(name, new OptionValue(name, value, "command line --" + name));
        return this;
    }

    @Override
    public Optional<OptionValue> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    @Override
    public Set<String> names() {
        return Set.copyOf(values.keySet());
    }
}
