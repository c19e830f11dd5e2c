package io.kubelauncher.kubernetes.config;

/**
 * The names of the plugin's configuration files. The main file is looked for along the SDK's
 * search path by {@link io.kubelauncher.api.options.ConfigFileLocator} ({@code $RSTUDIO_CONFIG_DIR},
 * each {@code $XDG_CONFIG_DIRS/rstudio}, {@code /etc/rstudio}); the directory it is found in is the
 * default home of the profiles and resources files, so that moving the configuration moves all of it.
 */
public final class ConfigSearchPath {

    public static final String MAIN_CONFIG = "launcher.kubernetes.conf";
    public static final String PROFILES_CONFIG = "launcher.kubernetes.profiles.conf";
    public static final String RESOURCES_CONFIG = "launcher.kubernetes.resources.conf";

    private ConfigSearchPath() {
    }
}
