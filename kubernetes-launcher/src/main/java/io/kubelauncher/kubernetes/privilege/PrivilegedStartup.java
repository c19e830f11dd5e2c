package io.kubelauncher.kubernetes.privilege;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The start-up steps that need root, in the order the admin guide implies: check the token file
 * while it can still be read, create the scratch path and the logging directory owned by
 * server-user, then drop to server-user. Everything after (generating templates, serving) runs
 * unprivileged.
 */
public final class PrivilegedStartup {

    private static final Logger LOG = LoggerFactory.getLogger(PrivilegedStartup.class);

    private final PosixIdentity posix;

    public PrivilegedStartup(PosixIdentity posix) {
        this.posix = Objects.requireNonNull(posix, "posix");
    }

    /**
     * @param tokenFile the {@code auth-token-path}, if the token comes from a file
     * @throws PrivilegeException when the plugin must not go on (no such server-user, drop failed)
     * @throws IOException when a folder cannot be created
     */
    public PrivilegeDrop.Outcome run(String serverUser, Path scratchPath, Path loggingDir, Optional<Path> tokenFile)
            throws PrivilegeException, IOException {
        if (tokenFile.isPresent()) {
            try {
                TokenFilePermissions.warning(tokenFile.get()).ifPresent(LOG::warn);
            } catch (IOException e) {
                LOG.warn("Cannot check the permissions of the auth token file {}: {}", tokenFile.get(), e.getMessage());
            }
        }
        Account owner = null;
        if (posix.effectiveUid() == 0) {
            owner = posix.lookup(serverUser).orElseThrow(() -> new PrivilegeException("server-user '" + serverUser
                    + "' does not exist on this machine; create it or set server-user in launcher.kubernetes.conf"
                    + " to an existing user"));
        }
        ServiceDirectory.prepare(scratchPath, owner);
        ServiceDirectory.prepare(loggingDir, owner);
        return new PrivilegeDrop(posix).dropTo(serverUser);
    }
}
