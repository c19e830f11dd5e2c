package io.kubelauncher.api.options;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The options after merging the config file and the command line (the file wins), with the
 * warnings the parser collected (unknown options, ignored arguments) for the caller to log once
 * logging is set up.
 */
public final class ParsedOptions implements OptionSource {

    private final Map<String, OptionValue> values;
    private final List<String> warnings;
    private final Optional<Path> configFile;

    ParsedOptions(Map<String, OptionValue> values, List<String> warnings, Optional<Path> configFile) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.warnings = List.copyOf(warnings);
        this.configFile = configFile;
    }

    @Override
    public Optional<OptionValue> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    @Override
    public Set<String> names() {
        return values.keySet();
    }

    /** Messages such as {@code command line --colour: unknown option, ignored}. */
    public List<String> warnings() {
        return warnings;
    }

    /** The main config file that was read, if one was found. */
    public Optional<Path> configFile() {
        return configFile;
    }
}
