package io.kubelauncher.kubernetes.privilege;

/** The plugin cannot take the identity it is configured to run as. */
public final class PrivilegeException extends Exception {

    private static final long serialVersionUID = 1L;

    public PrivilegeException(String message) {
        super(message);
    }

    public PrivilegeException(String message, Throwable cause) {
        super(message, cause);
    }
}
