package io.kubelauncher.testkit.cluster;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import tools.jackson.databind.node.ObjectNode;

/**
 * One watch: replays the changes after the requested resourceVersion, then streams live ones
 * (ADDED / MODIFIED / DELETED, and BOOKMARK when asked for) as watch events through a
 * {@link Sink} (a chunked HTTP response or a WebSocket). Ends after its timeout; answers a
 * compacted resourceVersion with an ERROR event carrying a 410 Status, as the real server does.
 * Everything but the store callback runs on the request's Vert.x context.
 */
final class WatchStream {

  /** Where watch events go: one JSON document per event. */
  interface Sink {
    void send(String event);

    /** Ends the stream cleanly (the watch timed out). */
    void end();

    /** Cuts the connection, as a network failure or an API server restart would. */
    void drop();

    void onClosed(Runnable action);
  }

  /** What to watch and how. */
  record Request(ResourceKind kind, String namespace, Predicate<ObjectNode> filter, Long fromResourceVersion,
                 boolean bookmarks, Duration timeout, Duration bookmarkInterval, Duration dropAfter,
                 UnaryOperator<ObjectNode> presentation) {}

  private final Vertx vertx;
  private final Context context;
  private final ObjectStore store;
  private final Request request;
  private final Sink sink;
  private final List<Long> timers = new ArrayList<>();
  private Runnable cancel = () -> { };
  private boolean closed;

  WatchStream(Vertx vertx, Context context, ObjectStore store, Request request, Sink sink) {
    this.vertx = vertx;
    this.context = context;
    this.store = store;
    this.request = request;
    this.sink = sink;
  }

  /** Starts streaming; call on the request's context. */
  void start() {
    sink.onClosed(this::close);
    ObjectStore.Subscription subscription;
    try {
      subscription = store.watch(request.kind(), request.namespace(), request.fromResourceVersion(),
          change -> context.runOnContext(v -> deliver(change)));
    } catch (ApiException gone) {
      sink.send(event("ERROR", ApiServer.status(gone)));
      sink.end();
      return;
    }
    cancel = subscription.cancel();
    subscription.replay().forEach(this::deliver);
    timers.add(vertx.setTimer(Math.max(1, request.timeout().toMillis()), t -> {
      close();
      sink.end();
    }));
    if (request.bookmarks()) {
      timers.add(vertx.setPeriodic(Math.max(1, request.bookmarkInterval().toMillis()), t -> {
        long resourceVersion = store.resourceVersion();
        // queued behind the changes already published, so the bookmark never overtakes them
        context.runOnContext(v -> bookmark(resourceVersion));
      }));
    }
    if (!request.dropAfter().isZero()) {
      timers.add(vertx.setTimer(request.dropAfter().toMillis(), t -> {
        close();
        sink.drop();
      }));
    }
  }

  private void deliver(ObjectStore.Change change) {
    if (closed || !request.filter().test(change.object())) {
      return;
    }
    sink.send(event(change.type().name(), request.presentation().apply(change.object())));
  }

  private void bookmark(long resourceVersion) {
    if (closed) {
      return;
    }
    ObjectNode object = Json.object().put("kind", request.kind().kind()).put("apiVersion", request.kind().apiVersion());
    object.putObject("metadata").put("resourceVersion", Long.toString(resourceVersion)).putNull("creationTimestamp");
    sink.send(event("BOOKMARK", object));
  }

  private void close() {
    if (closed) {
      return;
    }
    closed = true;
    cancel.run();
    timers.forEach(vertx::cancelTimer);
  }

  private static String event(String type, ObjectNode object) {
    ObjectNode event = Json.object().put("type", type);
    event.set("object", object);
    return Json.MAPPER.writeValueAsString(event);
  }
}
