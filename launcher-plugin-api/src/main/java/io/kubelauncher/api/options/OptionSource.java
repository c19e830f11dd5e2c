package io.kubelauncher.api.options;

import java.util.Optional;
import java.util.Set;

/**
 * The options in force after the config file and the command line have been merged with the
 * SDK's precedence (the file wins over the command line; defaults are the reader's business).
 */
public interface OptionSource {

    Optional<OptionValue> get(String name);

    /** Every option name that was given, in either place. */
    Set<String> names();
}
