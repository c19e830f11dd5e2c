package io.kubelauncher.kubernetes.admin;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A value loaded from files that can be reloaded at run time: a new version replaces the one in
 * use only when it loads cleanly; otherwise the old one stays and the log says why (the admin guide:
 * "if the new changes are not valid, the original templates will continue to be used").
 */
public final class Reloadable<T> implements Supplier<T> {

    private static final Logger LOG = LoggerFactory.getLogger(Reloadable.class);

    /** Loads and checks a fresh value; throws, with a message an administrator can act on, when invalid. */
    @FunctionalInterface
    public interface Loader<T> {
        T load() throws Exception;
    }

    private final String what;
    private final Loader<T> loader;
    private final AtomicReference<T> current = new AtomicReference<>();

    /**
     * Loads the first value: unlike a reload, a failure here is fatal (there is nothing to keep).
     *
     * @param what a name for log lines, e.g. {@code "templates"}
     */
    public Reloadable(String what, Loader<T> loader) throws Exception {
        this.what = Objects.requireNonNull(what, "what");
        this.loader = Objects.requireNonNull(loader, "loader");
        current.set(Objects.requireNonNull(loader.load(), "loader returned null"));
    }

    /** The value in use. */
    @Override
    public T get() {
        return current.get();
    }

    public String what() {
        return what;
    }

    /** @return true when the new value is now in use, false when the old one was kept */
    public synchronized boolean reload() {
        T fresh;
        try {
            fresh = Objects.requireNonNull(loader.load(), "loader returned null");
        } catch (Exception e) {
            LOG.warn("Reloading {} failed; the previous {} stay in use: {}", what, what, e.getMessage());
            LOG.debug("Reload failure of {}", what, e);
            return false;
        }
        current.set(fresh);
        LOG.info("Reloaded {}", what);
        return true;
    }
}
