package io.kubelauncher.kubernetes.privilege;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Creates a folder the plugin writes to (the scratch path, the logging directory) while it is still
 * root, owned by server-user, so that after the privilege drop it can still write there: templates
 * into the scratch path, rotated log files into the logging directory.
 */
public final class ServiceDirectory {

    private ServiceDirectory() {
    }

    /**
     * Creates {@code path} (and its parents) if absent, and when {@code owner} is given and the
     * folder is new or owned by root, hands it to {@code owner}.
     */
    public static void prepare(Path path, Account owner) throws IOException {
        boolean created = !Files.isDirectory(path);
        if (created) {
            Files.createDirectories(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        }
        if (owner == null) {
            return;
        }
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        if (view == null) {
            return;
        }
        Object currentUid = Files.getAttribute(path, "unix:uid");
        if (created || Integer.valueOf(0).equals(currentUid)) {
            Files.setAttribute(path, "unix:uid", owner.uid());
            Files.setAttribute(path, "unix:gid", owner.gid());
        }
    }
}
