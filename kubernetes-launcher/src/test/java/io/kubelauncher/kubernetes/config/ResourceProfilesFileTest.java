package io.kubelauncher.kubernetes.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResourceProfilesFileTest {

    @Test
    void readsTheAdminGuideExample() throws Exception {
        Path path = ProfilesFileTest.resource("launcher.kubernetes.resources.conf");
        ResourceProfilesFile file = ResourceProfilesFile.read(path);
        assertThat(file.profiles()).containsExactly(
                new ResourceProfile("default", "Default", new BigDecimal("1"), Optional.empty(), new BigDecimal("4096"),
                        Optional.empty(), 0, 0, List.of(), 1),
                new ResourceProfile("small", "small", new BigDecimal("1"), Optional.empty(), new BigDecimal("512"),
                        Optional.empty(), 0, 0, List.of(), 5),
                new ResourceProfile("default-gpu", "default-gpu", new BigDecimal("1"), Optional.empty(),
                        new BigDecimal("4096"), Optional.empty(), 1, 0, List.of(), 8),
                new ResourceProfile("hugemem", "Huge Memory", new BigDecimal("8"), Optional.empty(),
                        new BigDecimal("262144"), Optional.empty(), 0, 0, List.of(), 13));
        assertThat(file.find("hugemem")).map(ResourceProfile::displayName).contains("Huge Memory");
        assertThat(file.find("custom")).isEmpty();
    }

    @Test
    void readsEveryKey() throws Exception {
        ResourceProfilesFile file = ResourceProfilesFile.parse("r", String.join("\n",
                "[m4.xlarge]", "name = Default (1 CPU, 4G mem)", "cpus = 4", "cpus-request = 2.5", "mem-mb = 16384",
                "mem-mb-request = 8192", "nvidia-gpus = 2", "amd-gpus = 1", "placement-constraints = node:gpu-1, zone:a"));
        assertThat(file.profiles()).containsExactly(new ResourceProfile("m4.xlarge", "Default (1 CPU, 4G mem)",
                new BigDecimal("4"), Optional.of(new BigDecimal("2.5")), new BigDecimal("16384"),
                Optional.of(new BigDecimal("8192")), 2, 1,
                List.of(PlacementConstraintOption.of("node", "gpu-1"), PlacementConstraintOption.of("zone", "a")), 1));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "missing cpus         | [a]\\nmem-mb=1                 | r:1: resource profile [a] is missing the required key cpus",
            "missing mem-mb       | [a]\\ncpus=1                   | r:1: resource profile [a] is missing the required key mem-mb",
            "unknown key          | [a]\\ncpus=1\\nmem-mb=1\\nmemory=2 | r:4: unknown key memory in resource profile [a] (known keys: name, cpus, cpus-request, mem-mb, mem-mb-request, nvidia-gpus, amd-gpus, placement-constraints)",
            "bad cpus             | [a]\\ncpus=one\\nmem-mb=1       | r:2: cpus: bad number 'one'",
            "bad gpus             | [a]\\ncpus=1\\nmem-mb=1\\nnvidia-gpus=-1 | r:4: nvidia-gpus: bad number '-1': must be between 0 and 1024",
            "free-form constraint | [a]\\ncpus=1\\nmem-mb=1\\nplacement-constraints=node | r:4: placement-constraints: placement constraint 'node' has no value: write name:value",
            "request above limit  | [a]\\ncpus=1\\ncpus-request=2\\nmem-mb=1 | r:3: cpus-request 2 exceeds cpus 1 in resource profile [a]: a request cannot be above its limit",
            "memory request above | [a]\\ncpus=1\\nmem-mb=1\\nmem-mb-request=1.5 | r:4: mem-mb-request 1.5 exceeds mem-mb 1 in resource profile [a]: a request cannot be above its limit",
            "custom reserved      | [custom]\\ncpus=1\\nmem-mb=1    | r:1: [custom] is the built-in profile of jobs that set their own limits; give this profile another name",
            "duplicate section    | [a]\\ncpus=1\\nmem-mb=1\\n[a]\\ncpus=2 | r:4: duplicate section [a] (first at line 1)",
            "unterminated name    | [a]\\nname=\"x\\ncpus=1\\nmem-mb=1 | r:2: name: unterminated quoted string \"x",
            "key outside          | cpus=1                         | r:1: key cpus is outside any section: keys must follow a [section] header",
            "empty name           | [a]\\nname =\\ncpus=1\\nmem-mb=1  | r:2: name: empty display name; leave name out to use the section title",
            "empty quoted name    | [a]\\nname = \"\" # none\\ncpus=1\\nmem-mb=1 | r:2: name: empty display name; leave name out to use the section title",
    })
    void reportsErrorsWithFileAndLine(String name, String text, String message) {
        assertThatThrownBy(() -> ResourceProfilesFile.parse("r", text.replace("\\n", "\n")))
                .isInstanceOf(ConfigException.class)
                .hasMessage(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "quoted with a trailing comment | name = \"Default\" # optional, derived from the section name | Default",
            "hash inside the quotes         | name = \"GPU #1 (A100)\"   # one card                          | GPU #1 (A100)",
            "unquoted with a comment        | name = Huge Memory # 256 GB                                    | Huge Memory",
            "hash without a blank is text   | name = m4#xlarge                                               | m4#xlarge",
            "blanks inside quotes trimmed   | name = \"  padded \"                                          | padded",
    })
    void readsDisplayNames(String name, String line, String expected) throws Exception {
        ResourceProfilesFile file = ResourceProfilesFile.parse("r", "[p]\n" + line + "\ncpus=1\nmem-mb=1\n");
        assertThat(file.profiles()).singleElement().extracting(ResourceProfile::displayName).isEqualTo(expected);
    }

    @Test
    void aMissingFileDefinesNoProfiles() throws Exception {
        assertThat(ResourceProfilesFile.read(Path.of("/nonexistent/launcher.kubernetes.resources.conf")).profiles()).isEmpty();
    }
}
