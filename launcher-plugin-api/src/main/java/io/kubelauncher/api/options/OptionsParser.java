package io.kubelauncher.api.options;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the plugin's options from the command line and the main config file (spec 2.5, 2.6).
 *
 * <ul>
 *   <li>Command line: GNU long options, {@code --name=value} or {@code --name value}; a boolean
 *       option may also be given bare ({@code --enable-debug-logging}) or with
 *       {@code 1/0/true/false/yes/no/on/off}.</li>
 *   <li>Config file: {@code --config-file PATH} if given (it must exist), else
 *       {@code launcher.<plugin>.conf} found by {@link ConfigFileLocator}; no file means none.</li>
 *   <li>Precedence, as the SDK: a value in the file wins over the command line; the command line
 *       only fills what the file does not set; defaults are the reader's business.</li>
 *   <li>Names that are neither standard ({@link StandardOption}) nor declared by the plugin are
 *       warned about and kept out of the result; never fatal, since newer Launchers add flags.</li>
 *   <li>Every value of a standard option, in either place, must have the right type, else an
 *       {@link OptionException} names FILE:LINE or the command-line option.</li>
 * </ul>
 */
public final class OptionsParser {

    private final String pluginName;
    private final Set<String> pluginOptionNames;
    private final ConfigFileLocator locator;

    /**
     * @param pluginName the built-in lower-case plugin name, e.g. {@code kubernetes}
     * @param pluginOptionNames the plugin's own option names (without dashes)
     */
    public OptionsParser(String pluginName, Set<String> pluginOptionNames, ConfigFileLocator locator) {
        this.pluginName = pluginName;
        this.pluginOptionNames = Set.copyOf(pluginOptionNames);
        this.locator = locator;
    }

    public ParsedOptions parse(List<String> args) {
        List<String> warnings = new ArrayList<>();
        Map<String, OptionValue> commandLine = parseCommandLine(args, warnings);

        Optional<Path> configFile;
        OptionValue explicit = commandLine.get(StandardOption.CONFIG_FILE.optionName());
        if (explicit != null) {
            Path path = Path.of(explicit.value());
            if (!Files.isRegularFile(path)) {
                throw new OptionException(explicit.origin() + ": config file " + path + " does not exist");
            }
            configFile = Optional.of(path);
        } else {
            configFile = locator.findMainConfig(pluginName);
        }

        Map<String, OptionValue> merged = new LinkedHashMap<>();
        if (configFile.isPresent()) {
            List<OptionValue> fileValues;
            try {
                fileValues = ConfigFileReader.read(configFile.get());
            } catch (IOException e) {
                throw new OptionException(configFile.get() + ": cannot read the config file: " + e.getMessage());
            }
            for (OptionValue value : fileValues) {
                if (!known(value.name())) {
                    warnings.add(value.origin() + ": unknown option " + value.name() + ", ignored");
                    continue;
                }
                check(value);
                merged.put(value.name(), value);
            }
        }
        for (OptionValue value : commandLine.values()) {
            check(value);
            merged.putIfAbsent(value.name(), value);
        }
        return new ParsedOptions(merged, warnings, configFile);
    }

    private Map<String, OptionValue> parseCommandLine(List<String> args, List<String> warnings) {
        Map<String, OptionValue> values = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--")) {
                for (String rest : args.subList(i + 1, args.size())) {
                    warnings.add("command line: argument \"" + rest + "\" ignored");
                }
                break;
            }
            if (!arg.startsWith("--") || arg.length() == 2) {
                warnings.add("command line: argument \"" + arg + "\" ignored (options are --name=value or --name value)");
                continue;
            }
            String body = arg.substring(2);
            String name;
            String value;
            int eq = body.indexOf('=');
            String next = i + 1 < args.size() ? args.get(i + 1) : null;
            if (eq >= 0) {
                name = body.substring(0, eq);
                value = body.substring(eq + 1);
            } else {
                name = body;
                Optional<StandardOption> standard = StandardOption.byName(name);
                if (standard.isPresent() && standard.get().kind() == OptionKind.BOOLEAN) {
                    if (next != null && OptionKind.parseBoolean(next).isPresent()) {
                        value = next;
                        i++;
                    } else {
                        value = "1";
                    }
                } else if (next != null && !next.startsWith("--")) {
                    value = next;
                    i++;
                } else if (known(name)) {
                    throw new OptionException("command line --" + name + ": missing value");
                } else {
                    value = "";
                }
            }
            String origin = "command line --" + name;
            if (!known(name)) {
                warnings.add(origin + ": unknown option, ignored");
                continue;
            }
            if (values.containsKey(name)) {
                warnings.add(origin + ": given more than once; the last value is used");
            }
            values.put(name, new OptionValue(name, value.strip(), origin));
        }
        return values;
    }

    private boolean known(String name) {
        return StandardOption.byName(name).isPresent() || pluginOptionNames.contains(name);
    }

    private static void check(OptionValue value) {
        StandardOption.byName(value.name()).ifPresent(option -> {
            if (!option.kind().accepts(value.value())) {
                throw new OptionException(value.origin() + ": invalid value \"" + value.value() + "\" for "
                        + option.optionName() + ": expected " + option.kind().expected());
            }
        });
    }
}
