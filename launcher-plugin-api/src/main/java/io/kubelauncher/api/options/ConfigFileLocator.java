package io.kubelauncher.api.options;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds {@code launcher.<plugin>.conf} (spec 2.6) in the order of the Go SDK:
 * {@code $RSTUDIO_CONFIG_DIR}, then each directory of {@code $XDG_CONFIG_DIRS} followed by
 * {@code /rstudio}, then {@code /etc/rstudio}. The environment is passed in, so tests need not
 * change the process's.
 */
public final class ConfigFileLocator {

    public static final Path SYSTEM_CONFIG_DIR = Path.of("/etc/rstudio");

    private final Map<String, String> environment;
    private final Path systemConfigDir;

    public ConfigFileLocator(Map<String, String> environment) {
        this(environment, SYSTEM_CONFIG_DIR);
    }

    public ConfigFileLocator(Map<String, String> environment, Path systemConfigDir) {
        this.environment = Map.copyOf(environment);
        this.systemConfigDir = systemConfigDir;
    }

    /** The directories searched, most important first. */
    public List<Path> searchPath() {
        List<Path> dirs = new ArrayList<>();
        String rstudio = environment.get("RSTUDIO_CONFIG_DIR");
        if (rstudio != null && !rstudio.isBlank()) {
            dirs.add(Path.of(rstudio));
        }
        String xdg = environment.get("XDG_CONFIG_DIRS");
        if (xdg != null) {
            for (String dir : xdg.split(":")) {
                if (!dir.isBlank()) {
                    dirs.add(Path.of(dir, "rstudio"));
                }
            }
        }
        dirs.add(systemConfigDir);
        return dirs;
    }

    /** The first existing file of that name along the search path. */
    public Optional<Path> find(String fileName) {
        for (Path dir : searchPath()) {
            Path candidate = dir.resolve(fileName);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** {@code launcher.<plugin>.conf}, where plugin is the built-in lower-case name (e.g. kubernetes). */
    public Optional<Path> findMainConfig(String pluginName) {
        return find("launcher." + pluginName + ".conf");
    }
}
