package io.kubelauncher.kubernetes.privilege;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The local user the privilege tests drop to (they run as root in CI): created once, with a
 * supplementary group so that a test can check the whole group list.
 */
public final class ThrowawayUser {

    public static final String NAME = "kl-drop-test";
    public static final String EXTRA_GROUP = "kl-drop-extra";

    private ThrowawayUser() {
    }

    /** The user, created if missing; needs root. */
    public static synchronized Account ensure(LibcIdentity posix) throws Exception {
        if (posix.lookup(NAME).isEmpty()) {
            run(List.of("groupadd", "-f", EXTRA_GROUP));
            run(List.of("useradd", "--no-create-home", "--shell", "/usr/sbin/nologin", "--user-group",
                    "--groups", EXTRA_GROUP, NAME));
        }
        return posix.lookup(NAME).orElseThrow();
    }

    private static void run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as(command + " finished").isTrue();
        assertThat(p.exitValue()).as(command + ": " + out).isZero();
    }
}
