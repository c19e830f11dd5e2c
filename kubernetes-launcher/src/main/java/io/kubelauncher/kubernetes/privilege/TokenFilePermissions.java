package io.kubelauncher.kubernetes.privilege;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/** Checks that the auth token file is private, as the admin guide's {@code chmod 0600} makes it. */
public final class TokenFilePermissions {

    private TokenFilePermissions() {
    }

    /** A warning to log when others (or the file's group) may read the token, or empty when private. */
    public static Optional<String> warning(Path tokenFile) throws IOException {
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(tokenFile);
        } catch (UnsupportedOperationException e) {
            return Optional.empty();
        }
        boolean others = permissions.contains(PosixFilePermission.OTHERS_READ);
        boolean group = permissions.contains(PosixFilePermission.GROUP_READ);
        if (!others && !group) {
            return Optional.empty();
        }
        String who = others ? "every user on this machine" : "members of its group";
        return Optional.of("The auth token file " + tokenFile + " is readable by " + who + " (permissions "
                + PosixFilePermissions.toString(permissions) + "); anyone who reads it can act as the plugin in the"
                + " cluster. Run: chmod 0600 " + tokenFile + " and chown it to the server-user.");
    }
}
