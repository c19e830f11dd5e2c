package io.kubelauncher.kubernetes.admin;

/** Something that asks for a reload: SIGHUP in production, a direct call in tests. */
@FunctionalInterface
public interface ReloadTrigger {

    /** Runs {@code action} every time a reload is asked for. */
    void onReload(Runnable action);
}
