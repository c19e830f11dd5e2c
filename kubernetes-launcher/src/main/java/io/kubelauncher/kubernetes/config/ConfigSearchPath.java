package io.kubelauncher.kubernetes.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where {@code launcher.kubernetes.conf} is looked for: {@code $RSTUDIO_CONFIG_DIR}, then each
 * {@code $XDG_CONFIG_DIRS} entry's {@code rstudio} subdirectory, then {@code /etc/rstudio}; the
 * first directory holding the file wins. The directory found is also the default home of the
 * profiles and resources files, so that moving the configuration moves all of it.
 */
public final class ConfigSearchPath {

    public static final String MAIN_CONFIG = "launcher.kubernetes.conf";
    public static final String PROFILES_CONFIG = "launcher.kubernetes.profiles.conf";
    public static final String RESOURCES_CONFIG = "launcher.kubernetes.resources.conf";
    public static final Path SYSTEM_DIR = Path.of("/etc/rstudio");

    private final HostEnvironment host;

    public ConfigSearchPath(HostEnvironment host) {
        this.host = host;
    }

    /** The directories searched, in order. */
    public List<Path> directories() {
        List<Path> dirs = new ArrayList<>();
        host.variable("RSTUDIO_CONFIG_DIR").map(Path::of).ifPresent(dirs::add);
        host.variable("XDG_CONFIG_DIRS").ifPresent(list -> {
            for (String entry : list.split(":")) {
                if (!entry.isBlank()) {
                    dirs.add(Path.of(entry.strip(), "rstudio"));
                }
            }
        });
        dirs.add(SYSTEM_DIR);
        return List.copyOf(dirs);
    }

    /**
     * The main config file: {@code --config-file} when given, else the first found on the search
     * path, else {@code /etc/rstudio/launcher.kubernetes.conf} (a missing file reads as empty).
     */
    public Path mainConfig(Optional<String> configFileOption) {
        if (configFileOption.isPresent() && !configFileOption.get().isBlank()) {
            return Path.of(configFileOption.get().strip());
        }
        for (Path dir : directories()) {
            Path candidate = dir.resolve(MAIN_CONFIG);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return SYSTEM_DIR.resolve(MAIN_CONFIG);
    }
}
