package io.kubelauncher.kubernetes.admin;

import sun.misc.Signal;

/**
 * Reloads on {@code SIGHUP}, as {@code kill -s SIGHUP $(pidof rstudio-kubernetes-launcher)} in the
 * admin guide. Installing the handler also stops SIGHUP from terminating the JVM.
 */
public final class SighupTrigger implements ReloadTrigger {

    @Override
    public void onReload(Runnable action) {
        // The JVM runs each signal on a fresh thread; an exception there must not go unseen.
        Signal.handle(new Signal("HUP"), signal -> action.run());
    }
}
