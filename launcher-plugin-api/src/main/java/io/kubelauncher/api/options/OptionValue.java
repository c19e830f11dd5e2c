package io.kubelauncher.api.options;

import java.util.Objects;

/**
 * One option as it was given, with where it came from, so that a bad value can be reported as
 * {@code /etc/rstudio/launcher.kubernetes.conf:12: ...} or {@code command line --fetch-limit: ...}.
 *
 * @param name the option name without dashes, e.g. {@code fetch-limit}
 * @param value the raw text, comments and surrounding blanks removed
 * @param origin {@code FILE:LINE} for a config file entry, {@code command line --NAME} for an argument
 */
public record OptionValue(String name, String value, String origin) {

    public OptionValue {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(origin, "origin");
    }
}
