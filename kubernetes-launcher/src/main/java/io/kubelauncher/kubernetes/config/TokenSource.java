package io.kubelauncher.kubernetes.config;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/** Where the bearer token for the Kubernetes API comes from. */
public sealed interface TokenSource permits TokenSource.Inline, TokenSource.File {

    /**
     * A supplier of the current token. A file is re-read when it changes (clusters rotate
     * service account tokens), checked at most once per {@code recheck}.
     */
    Supplier<String> open(Clock clock, Duration recheck);

    /** {@code auth-token}: the token itself. */
    record Inline(String token) implements TokenSource {
        public Inline {
            Objects.requireNonNull(token, "token");
        }

        @Override
        public Supplier<String> open(Clock clock, Duration recheck) {
            return () -> token;
        }

        @Override
        public String toString() {
            return "Inline[token=<redacted>]";
        }
    }

    /** {@code auth-token-path}, or the service account token when running in a pod. */
    record File(Path path) implements TokenSource {
        public File {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public Supplier<String> open(Clock clock, Duration recheck) {
            return new TokenFile(path, clock, recheck);
        }
    }
}
