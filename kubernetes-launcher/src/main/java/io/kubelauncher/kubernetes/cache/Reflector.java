package io.kubelauncher.kubernetes.cache;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.ListOptions;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps a local copy of one kind of object: a paged list ({@code limit} = fetch-limit, following
 * {@code continue}), then a watch from the list's resourceVersion that the server ends after
 * watch-timeout-seconds. Fabric8's watch manager reconnects an ended or broken watch by itself from
 * the last resourceVersion it saw (without limit); when it cannot (410 Gone: the version is too old)
 * the reflector lists again. Failed lists are retried with {@link Backoff}, forever.
 *
 * <p>Fabric8's informers would do most of this, but their watch timeout is fixed (5–10 minutes) and
 * not configurable through the public API, and the admin guide makes it an option.
 */
final class Reflector<T extends HasMetadata> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Reflector.class);

    private final String kind;
    private final ResourceEndpoint<T> endpoint;
    private final ObjectListener<T> listener;
    private final ScheduledExecutorService scheduler;
    private final Backoff backoff;
    private final long fetchLimit;
    private final int watchTimeoutSeconds;
    private final Map<String, T> objects = new ConcurrentHashMap<>();
    private final CompletableFuture<Void> synced = new CompletableFuture<>();
    private int failures;
    private Watch watch;
    private volatile boolean closed;

    Reflector(String kind, ResourceEndpoint<T> endpoint, ObjectListener<T> listener, ScheduledExecutorService scheduler,
              Backoff backoff, long fetchLimit, int watchTimeoutSeconds) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.fetchLimit = fetchLimit;
        this.watchTimeoutSeconds = watchTimeoutSeconds;
    }

    /** Starts listing; the future completes after the first complete list. */
    CompletableFuture<Void> start() {
        scheduler.execute(this::listAndWatch);
        return synced;
    }

    /** Merges an object we just created or changed, so a read right after our own write sees it. */
    void offer(T object) {
        scheduler.execute(() -> apply(object));
    }

    private synchronized void listAndWatch() {
        if (closed) {
            return;
        }
        stopWatch();
        try {
            Map<String, T> fresh = new HashMap<>();
            String continueToken = null;
            String resourceVersion;
            do {
                ListOptions options = new ListOptionsBuilder().withLimit(fetchLimit).withContinue(continueToken).build();
                KubernetesResourceList<T> page = endpoint.list(options);
                for (T item : page.getItems()) {
                    fresh.put(item.getMetadata().getName(), item);
                }
                continueToken = page.getMetadata() == null ? null : page.getMetadata().getContinue();
                resourceVersion = page.getMetadata() == null ? null : page.getMetadata().getResourceVersion();
            } while (continueToken != null && !continueToken.isEmpty());
            replace(fresh);
            failures = 0;
            synced.complete(null);
            startWatch(resourceVersion);
        } catch (RuntimeException e) {
            retryLater("list", e);
        }
    }

    private void replace(Map<String, T> fresh) {
        synchronized (objects) {
            Set<String> gone = new HashSet<>(objects.keySet());
            gone.removeAll(fresh.keySet());
            for (String name : gone) {
                remove(objects.get(name));
            }
            fresh.values().forEach(this::apply);
        }
    }

    /** Store changes are serialised so that listeners see one consistent sequence per object. */
    private void apply(T object) {
        synchronized (objects) {
            String name = object.getMetadata().getName();
            T current = objects.get(name);
            if (current != null && olderThan(object, current)) {
                return;
            }
            objects.put(name, object);
            listener.upserted(object);
        }
    }

    private void remove(T object) {
        synchronized (objects) {
            objects.remove(object.getMetadata().getName());
            listener.deleted(object);
        }
    }

    /** resourceVersions are opaque, but every API server we know makes them integers that grow. */
    static boolean olderThan(HasMetadata a, HasMetadata b) {
        try {
            return Long.parseLong(a.getMetadata().getResourceVersion()) < Long.parseLong(b.getMetadata().getResourceVersion());
        } catch (NumberFormatException | NullPointerException e) {
            return false;
        }
    }

    private void startWatch(String resourceVersion) {
        ListOptions options = new ListOptionsBuilder().withResourceVersion(resourceVersion)
                .withTimeoutSeconds((long) watchTimeoutSeconds).withAllowWatchBookmarks(true).build();
        watch = endpoint.watch(options, new Watcher<>() {
            @Override
            public void eventReceived(Action action, T object) {
                switch (action) {
                    case ADDED, MODIFIED -> apply(object);
                    case DELETED -> remove(object);
                    case BOOKMARK, ERROR -> {
                        // bookmarks only move the resourceVersion, which Fabric8 tracks for the reconnect
                    }
                }
            }

            @Override
            public void onClose(WatcherException cause) {
                if (closed) {
                    return;
                }
                if (cause.isHttpGone()) {
                    log.info("{} watch: resourceVersion expired (410 Gone), listing again", kind);
                    scheduler.execute(Reflector.this::listAndWatch);
                } else {
                    retryLater("watch", cause);
                }
            }

            @Override
            public void onClose() {
                // closed by us
            }
        });
    }

    private synchronized void retryLater(String what, Exception cause) {
        if (closed) {
            return;
        }
        Duration delay = backoff.delay(failures++);
        log.warn("{} {} failed ({}); retrying in {} ms", kind, what, cause.getMessage(), delay.toMillis());
        scheduler.schedule(this::listAndWatch, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void stopWatch() {
        if (watch != null) {
            watch.close();
            watch = null;
        }
    }

    boolean hasSynced() {
        return synced.isDone();
    }

    @Override
    public synchronized void close() {
        closed = true;
        stopWatch();
    }
}
