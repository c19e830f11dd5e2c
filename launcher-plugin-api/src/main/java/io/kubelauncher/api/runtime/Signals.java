package io.kubelauncher.api.runtime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Signal handling of spec 2.3: SIGTERM and SIGINT shut the runtime down in order, after which
 * {@link PluginRuntime#run()} returns 0 (the JVM's own handling would exit 143); SIGHUP calls the
 * plugin's reload action and keeps running. SIGPIPE needs nothing: the JVM ignores it and a broken
 * stdout surfaces as a write error, which shuts the runtime down.
 *
 * <p>{@code sun.misc.Signal} (module jdk.unsupported, exported on purpose) is the only way for Java
 * code to take SIGTERM without the JVM's exit status 143; the compiler warns about it by design.
 */
public final class Signals {

    private static final Logger log = LoggerFactory.getLogger(Signals.class);

    private Signals() {
    }

    /** @param onHangup what SIGHUP does (e.g. reload templates); may be null to ignore SIGHUP */
    public static void install(PluginRuntime runtime, Runnable onHangup) {
        Signal.handle(new Signal("TERM"), signal -> stop(runtime, signal));
        Signal.handle(new Signal("INT"), signal -> stop(runtime, signal));
        SignalHandler previous = Signal.handle(new Signal("HUP"), signal -> {
            log.info("SIGHUP received");
            if (onHangup != null) {
                try {
                    onHangup.run();
                } catch (RuntimeException e) {
                    log.error("SIGHUP reload failed; keeping the current configuration", e);
                }
            }
        });
        if (previous == SignalHandler.SIG_IGN) {
            // Started with SIGHUP ignored (nohup, some service managers): the JVM then leaves it ignored.
            log.warn("SIGHUP is ignored by the way this process was started, so it cannot trigger a reload; "
                    + "use the Launcher's Config Reload request instead");
        }
    }

    private static void stop(PluginRuntime runtime, Signal signal) {
        log.info("SIG{} received: shutting down", signal.getName());
        runtime.shutdown();
    }
}
