package io.kubelauncher.kubernetes.privilege;

import java.util.Optional;

/** The process's identity and the calls that change it (libc in production). */
public interface PosixIdentity {

    int effectiveUid();

    int realUid();

    /** The user with its full group list, or empty when no such user exists. */
    Optional<Account> lookup(String userName);

    /** The name of a uid, or empty when the user database has none. */
    Optional<String> nameOf(int uid);

    /**
     * Becomes {@code account} for good: supplementary groups, then gid, then uid (the order matters:
     * once the uid is dropped, the groups can no longer be changed).
     *
     * @throws PrivilegeException when a call fails
     */
    void become(Account account) throws PrivilegeException;
}
