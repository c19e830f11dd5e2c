package io.kubelauncher.kubernetes.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenFileTest {

    @TempDir
    Path dir;

    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void reReadsTheTokenWhenTheFileChanges() throws Exception {
        Path file = Files.writeString(dir.resolve("token"), "first\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
        Supplier<String> token = new TokenSource.File(file).open(clock, Duration.ofSeconds(1));
        assertThat(token.get()).isEqualTo("first");

        Files.writeString(file, "second");
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-01-01T00:10:00Z")));
        assertThat(token.get()).as("not re-checked within a second").isEqualTo("first");
        now = now.plusSeconds(1);
        assertThat(token.get()).isEqualTo("second");
    }

    @Test
    void reReadsARotationBySymlinkSwap() throws Exception {
        Path v1 = Files.writeString(Files.createDirectories(dir.resolve("..2026_01")).resolve("token"), "one");
        Path v2 = Files.writeString(Files.createDirectories(dir.resolve("..2026_02")).resolve("token"), "two");
        Path link = Files.createSymbolicLink(dir.resolve("token"), v1);
        Supplier<String> token = new TokenSource.File(link).open(clock, Duration.ZERO);
        assertThat(token.get()).isEqualTo("one");
        Files.delete(link);
        Files.createSymbolicLink(link, v2);
        assertThat(token.get()).isEqualTo("two");
    }

    @Test
    void keepsTheLastGoodTokenWhenTheFileGoesAway() throws Exception {
        Path file = Files.writeString(dir.resolve("token"), "good");
        Supplier<String> token = new TokenSource.File(file).open(clock, Duration.ZERO);
        assertThat(token.get()).isEqualTo("good");
        Files.delete(file);
        assertThat(token.get()).isEqualTo("good");
    }

    @Test
    void failsWhenThereNeverWasAToken() {
        Supplier<String> token = new TokenSource.File(dir.resolve("none")).open(clock, Duration.ZERO);
        assertThatThrownBy(token::get).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("cannot read the Kubernetes API token file " + dir.resolve("none"));
    }

    @Test
    void anInlineTokenIsConstant() {
        assertThat(new TokenSource.Inline("x").open(clock, Duration.ZERO).get()).isEqualTo("x");
    }
}
