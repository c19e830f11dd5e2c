package io.kubelauncher.kubernetes.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A token file that is re-read when it changes. Kubernetes rotates projected service account
 * tokens by swapping a symlink, which changes the file's identity, time and usually its size;
 * any of them changing triggers a re-read. A file that cannot be read keeps the last good token
 * (and is logged), so a rotation caught half-way does not break running API calls.
 */
final class TokenFile implements Supplier<String> {

    private static final Logger log = LoggerFactory.getLogger(TokenFile.class);

    private record Stamp(Object fileKey, long modifiedMillis, long size) {}

    private final Path path;
    private final Clock clock;
    private final Duration recheck;
    private String token;
    private Stamp stamp;
    private Instant lastCheck;

    TokenFile(Path path, Clock clock, Duration recheck) {
        this.path = Objects.requireNonNull(path, "path");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.recheck = Objects.requireNonNull(recheck, "recheck");
    }

    /** Reads a token file once, for start-up checks. */
    static String readToken(Path path) throws IOException {
        String token = Files.readString(path).strip();
        if (token.isEmpty()) {
            throw new IOException("the token file " + path + " is empty");
        }
        return token;
    }

    @Override
    public synchronized String get() {
        Instant now = clock.instant();
        if (token != null && lastCheck != null && now.isBefore(lastCheck.plus(recheck))) {
            return token;
        }
        lastCheck = now;
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            Stamp current = new Stamp(attributes.fileKey(), attributes.lastModifiedTime().toMillis(), attributes.size());
            if (token == null || !current.equals(stamp)) {
                String read = readToken(path);
                if (token != null) {
                    log.info("Re-read the rotated Kubernetes API token from {}", path);
                }
                token = read;
                stamp = current;
            }
        } catch (IOException e) {
            if (token == null) {
                throw new IllegalStateException("cannot read the Kubernetes API token file " + path + ": "
                        + ConfigException.describe(e), e);
            }
            log.warn("Cannot re-read the Kubernetes API token file {} ({}); using the previous token",
                    path, ConfigException.describe(e));
        }
        return token;
    }
}
