package io.kubelauncher.kubernetes.translate;

/**
 * The launcher's job states as this plugin derives them from Kubernetes objects. Terminal states
 * never change back; the derivation guarantees it because every terminal rule is checked before
 * any non-terminal one.
 */
public enum LauncherStatus {
    PENDING("Pending", false),
    RUNNING("Running", false),
    FINISHED("Finished", true),
    FAILED("Failed", true),
    KILLED("Killed", true),
    CANCELED("Canceled", true);

    private final String wireName;
    private final boolean terminal;

    LauncherStatus(String wireName, boolean terminal) {
        this.wireName = wireName;
        this.terminal = terminal;
    }

    /** The exact string of the Launcher Plugin API (§7.2). */
    public String wireName() {
        return wireName;
    }

    public boolean isTerminal() {
        return terminal;
    }
}
