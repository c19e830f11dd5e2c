package io.kubelauncher.kubernetes.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigSearchPathTest {

    @TempDir
    Path dir;

    private ConfigSearchPath path(Map<String, String> env) {
        return new ConfigSearchPath(new HostEnvironment(env, dir, 1));
    }

    @Test
    void searchesRstudioConfigDirThenXdgThenEtc() {
        assertThat(path(Map.of("RSTUDIO_CONFIG_DIR", "/a", "XDG_CONFIG_DIRS", "/b:/c:")).directories())
                .containsExactly(Path.of("/a"), Path.of("/b/rstudio"), Path.of("/c/rstudio"), Path.of("/etc/rstudio"));
        assertThat(path(Map.of()).directories()).containsExactly(Path.of("/etc/rstudio"));
    }

    @Test
    void theFirstDirectoryHoldingTheFileWins() throws Exception {
        Path xdg = Files.createDirectories(dir.resolve("xdg/rstudio"));
        Files.writeString(xdg.resolve("launcher.kubernetes.conf"), "");
        Path empty = Files.createDirectories(dir.resolve("empty"));
        ConfigSearchPath search = path(Map.of("RSTUDIO_CONFIG_DIR", empty.toString(),
                "XDG_CONFIG_DIRS", dir.resolve("xdg").toString()));
        assertThat(search.mainConfig(Optional.empty())).isEqualTo(xdg.resolve("launcher.kubernetes.conf"));
        Files.writeString(empty.resolve("launcher.kubernetes.conf"), "");
        assertThat(search.mainConfig(Optional.empty())).isEqualTo(empty.resolve("launcher.kubernetes.conf"));
    }

    @Test
    void configFileOptionWinsAndNothingFoundMeansEtc() {
        ConfigSearchPath search = path(Map.of("RSTUDIO_CONFIG_DIR", dir.toString()));
        assertThat(search.mainConfig(Optional.of("/opt/k.conf"))).isEqualTo(Path.of("/opt/k.conf"));
        assertThat(search.mainConfig(Optional.empty())).isEqualTo(Path.of("/etc/rstudio/launcher.kubernetes.conf"));
    }
}
