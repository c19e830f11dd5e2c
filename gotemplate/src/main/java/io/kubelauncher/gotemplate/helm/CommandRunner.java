package io.kubelauncher.gotemplate.helm;

import java.util.List;

/**
 * Runs the program behind {@code exec CMD ARGS...}: no shell, stdin from /dev/null; never throws,
 * failures are reported in the result. The plugin may supply its own (for a sandbox, a different
 * environment or working directory); {@link ProcessCommandRunner} is the default.
 */
@FunctionalInterface
public interface CommandRunner {

    ExecResult run(String command, List<String> args);
}
