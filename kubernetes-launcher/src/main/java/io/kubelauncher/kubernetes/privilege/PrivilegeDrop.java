package io.kubelauncher.kubernetes.privilege;

import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lowers the plugin's privileges to {@code server-user}, as the admin guide asks: the plugin starts
 * as root, reads what only root may read and prepares the scratch path, then runs as the service
 * user. Started as anyone else, it says so and carries on as that user.
 */
public final class PrivilegeDrop {

    private static final Logger LOG = LoggerFactory.getLogger(PrivilegeDrop.class);

    /** What happened. */
    public enum Outcome {
        /** The process now runs as server-user, groups included. */
        DROPPED,
        /** The process was not root and keeps its identity. */
        NOT_ROOT
    }

    private final PosixIdentity posix;

    public PrivilegeDrop(PosixIdentity posix) {
        this.posix = Objects.requireNonNull(posix, "posix");
    }

    /**
     * @throws PrivilegeException when running as root but {@code serverUser} does not exist, or
     *     the identity change fails or does not stick (the plugin must not serve as root then)
     */
    public Outcome dropTo(String serverUser) throws PrivilegeException {
        int euid = posix.effectiveUid();
        if (euid != 0) {
            String me = posix.nameOf(euid).orElse("uid " + euid);
            LOG.warn("Not started as root: running as {} (uid {}) and keeping that identity; server-user '{}'"
                    + " applies only when the plugin is started as root", me, euid, serverUser);
            return Outcome.NOT_ROOT;
        }
        Account account = posix.lookup(serverUser).orElseThrow(() -> new PrivilegeException(
                "server-user '" + serverUser + "' does not exist on this machine; create it or set server-user"
                        + " in launcher.kubernetes.conf to an existing user"));
        if (account.uid() == 0) {
            LOG.warn("server-user '{}' is root (uid 0): the plugin keeps running with full privileges", serverUser);
            return Outcome.DROPPED;
        }
        posix.become(account);
        if (posix.effectiveUid() != account.uid() || posix.realUid() != account.uid()) {
            throw new PrivilegeException("after switching to server-user '" + serverUser + "' the process still runs"
                    + " as uid " + posix.effectiveUid() + " (real " + posix.realUid() + ")");
        }
        LOG.info("Dropped privileges to server-user '{}' (uid {}, gid {}, groups {})", account.name(), account.uid(),
                account.gid(), account.groups());
        return Outcome.DROPPED;
    }
}
