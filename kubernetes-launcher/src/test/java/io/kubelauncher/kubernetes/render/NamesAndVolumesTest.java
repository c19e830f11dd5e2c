package io.kubelauncher.kubernetes.render;

import io.kubelauncher.api.model.Mount;
import io.kubelauncher.api.model.MountSource;
import io.kubelauncher.api.plugin.ErrorCode;
import io.kubelauncher.api.plugin.PluginException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NamesAndVolumesTest {

    @Test
    void generateNameIsAValidDnsLabelPrefix() {
        assertThat(JobNames.generateName("RStudio Session (alice)")).isEqualTo("rstudio-session-alice-");
        assertThat(JobNames.generateName("Jupyter Lab")).isEqualTo("jupyter-lab-");
        assertThat(JobNames.generateName("  leading: and # trailing ")).isEqualTo("leading-and-trailing-");
        assertThat(JobNames.generateName("Résumé ünïcödé")).isEqualTo("resume-unicode-");
        assertThat(JobNames.generateName("日本語")).isEqualTo("job-");
        assertThat(JobNames.generateName("2026 report")).isEqualTo("job-2026-report-");
        String longName = JobNames.generateName("a very long job name that goes on and on and on and on and on");
        assertThat(longName).hasSizeLessThanOrEqualTo(JobNames.MAX_BASE + 1).matches("[a-z][a-z0-9-]*[a-z0-9]-");
    }

    @Test
    void mountsBecomeVolumesAsTheVendorNamesThem() {
        Volumes v = Volumes.of(List.of(new Mount("/home/alice", false, new MountSource.Nfs("nfs.example.com", "/export/home/alice")),
                new Mount("/data", true, new MountSource.Host("/mnt/datasets")),
                new Mount("/claim", false, MountSource.Other.class.cast(new MountSource.Other("passthrough",
                        Map.of("persistentVolumeClaim", Map.of("claimName", "data")))))));
        assertThat(v.volumes()).containsExactly(
                Map.of("name", "mount0", "nfs", Map.of("server", "nfs.example.com", "path", "/export/home/alice", "readOnly", false)),
                Map.of("name", "mount1", "hostPath", Map.of("path", "/mnt/datasets")),
                Map.of("name", "mount2", "persistentVolumeClaim", Map.of("claimName", "data")));
        assertThat(v.volumeMounts()).containsExactly(
                Map.of("name", "mount0", "mountPath", "/home/alice", "readOnly", false),
                Map.of("name", "mount1", "mountPath", "/data", "readOnly", true),
                Map.of("name", "mount2", "mountPath", "/claim", "readOnly", false));
    }

    @Test
    void anUnsupportedMountTypeIsAnInvalidRequest() {
        assertThatThrownBy(() -> Volumes.of(List.of(new Mount("/s3", false, new MountSource.Other("s3fs", Map.of())))))
                .isInstanceOfSatisfying(PluginException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
                    assertThat(e.getMessage()).contains("/s3").contains("'s3fs'");
                });
    }
}
