package io.kubelauncher.kubernetes.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/** Reads an optional configuration file: missing means "not configured", unreadable is an error. */
final class ConfigFiles {

    private ConfigFiles() {
    }

    static Optional<String> readOptional(Path file) throws ConfigException {
        try {
            // Undecodable bytes become U+FFFD and then show up in the error that names their line.
            return Optional.of(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw ConfigException.unreadable(file, e);
        }
    }
}
