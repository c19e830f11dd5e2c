package io.kubelauncher.kubernetes.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The scratch path read alone (what the template commands use while launcher.kubernetes.conf is
 * missing or incomplete) is the one the whole configuration gives once it is complete.
 */
class ScratchPathTest {

    private static final HostEnvironment NOT_IN_A_POD = new HostEnvironment(Map.of(), Path.of("/nonexistent-kl-dir"), 2);

    @Property(tries = 300)
    void readAloneItIsTheScratchPathOfTheCompleteConfiguration(@ForAll("pluginNames") Optional<String> pluginName,
                                                               @ForAll("scratchPaths") Optional<String> scratchPath) throws Exception {
        TestOptions options = TestOptions.of();
        pluginName.ifPresent(name -> options.commandLine("plugin-name", name));
        scratchPath.ifPresent(path -> options.commandLine("scratch-path", path));
        Path alone = KubernetesConfig.scratchPathFrom(options);

        options.commandLine("api-url", "https://k8s.example.com:6443").commandLine("auth-token", "t0ken");
        assertThat(KubernetesConfig.from(options, Path.of("/etc/rstudio"), NOT_IN_A_POD).scratchPath()).isEqualTo(alone);
    }

    @Example
    void anIncompleteConfigurationStillHasTheDefaultScratchPathOfItsCluster() {
        TestOptions options = TestOptions.of("plugin-name", " Cluster A ");
        assertThatThrownBy(() -> KubernetesConfig.from(options, Path.of("/etc/rstudio"), NOT_IN_A_POD))
                .isInstanceOf(ConfigException.class).hasMessageContaining("api-url");

        assertThat(KubernetesConfig.scratchPathFrom(options)).isEqualTo(Path.of("/var/lib/rstudio-launcher/Cluster A"));
        assertThat(KubernetesConfig.scratchPathFrom(TestOptions.of("plugin-name", " "))).isEqualTo(Path.of("/var/lib/rstudio-launcher/Kubernetes"));
        assertThat(KubernetesConfig.scratchPathFrom(TestOptions.of())).isEqualTo(Path.of("/var/lib/rstudio-launcher/Kubernetes"));
        assertThat(KubernetesConfig.scratchPathFrom(TestOptions.of("plugin-name", "Cluster A", "scratch-path", "/srv/scratch")))
                .isEqualTo(Path.of("/srv/scratch"));
    }

    /** Names the reader accepts (it strips them), blank ones included: those mean Kubernetes. */
    @Provide
    Arbitrary<Optional<String>> pluginNames() {
        return Arbitraries.strings().withChars("aZ09 _-.").ofMaxLength(12)
                .filter(name -> !name.strip().equals(".") && !name.strip().equals(".."))
                .optional();
    }

    /** Paths the reader accepts: not blank (an empty value is an error of the configuration). */
    @Provide
    Arbitrary<Optional<String>> scratchPaths() {
        return Arbitraries.strings().withChars("/aZ09 _-.").ofMinLength(1).ofMaxLength(20)
                .filter(path -> !path.isBlank())
                .optional();
    }
}
