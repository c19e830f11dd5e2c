package io.kubelauncher.testkit.cluster;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET pods/{name}/log}: a container's log with {@code sinceTime}/{@code sinceSeconds},
 * {@code timestamps}, {@code tailLines} and {@code limitBytes}; with {@code follow} the response
 * stays open and streams what the container writes until it ends.
 */
final class PodLogs {
  private static final long FOLLOW_POLL_MILLIS = 50;

  private final Vertx vertx;
  private final Clock clock;

  PodLogs(Vertx vertx, Clock clock) {
    this.vertx = vertx;
    this.clock = clock;
  }

  void serve(HttpServerRequest request, ObjectNode pod, Optional<PodSandbox> sandbox) {
    LogQuery query = LogQuery.parse(request.params(), clock.instant());
    String podName = pod.path("metadata").path("name").asString("");
    PodSandbox.Container container = container(pod, sandbox.orElse(null), query.container());
    if (container == null || (container.process == null && !container.terminated())) {
      String name = container != null ? container.name : query.container() != null ? query.container() : firstContainer(pod);
      String reason = container != null && container.waitingReason != null ? container.waitingReason : "ContainerCreating";
      String message = reason.equals("ErrImagePull") || reason.equals("ImagePullBackOff")
          ? "container \"" + name + "\" in pod \"" + podName + "\" is waiting to start: trying and failing to pull image"
          : "container \"" + name + "\" in pod \"" + podName + "\" is waiting to start: " + reason;
      throw ApiException.badRequest(message);
    }
    if (query.previous()) {
      throw ApiException.badRequest("previous terminated container \"" + container.name + "\" in pod \"" + podName + "\" not found");
    }
    List<ContainerLog.Entry> entries = container.log.read(0);
    long offset = entries.isEmpty() ? 0 : entries.get(entries.size() - 1).endOffset();
    long[] budget = {query.limitBytes() == null ? Long.MAX_VALUE : query.limitBytes()};
    // as the kubelet does, a timestamp starts each line, not each record: a partial record's continuation gets none
    boolean[] lineStart = {true};
    Buffer first = render(query.select(entries), query, budget, lineStart);
    HttpServerResponse response = request.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/plain");
    if (!query.follow() || budget[0] <= 0) {
      response.setStatusCode(200).end(first);
      return;
    }
    response.setChunked(true).setStatusCode(200);
    if (first.length() > 0) {
      response.write(first);
    }
    long[] position = {offset};
    long timer = vertx.setPeriodic(FOLLOW_POLL_MILLIS, t -> {
      if (response.closed()) {
        vertx.cancelTimer(t);
        return;
      }
      boolean ended = container.process == null || !container.process.running() && container.log.complete();
      List<ContainerLog.Entry> fresh = container.log.read(position[0]);
      if (!fresh.isEmpty()) {
        position[0] = fresh.get(fresh.size() - 1).endOffset();
        List<ContainerLog.Entry> selected = new ArrayList<>();
        for (ContainerLog.Entry entry : fresh) {
          if (query.since() == null || !entry.time().isBefore(query.since())) {
            selected.add(entry);
          }
        }
        Buffer more = render(selected, query, budget, lineStart);
        if (more.length() > 0) {
          response.write(more);
        }
      }
      if (budget[0] <= 0 || ended && container.log.read(position[0]).isEmpty()) {
        vertx.cancelTimer(t);
        response.end();
      }
    });
    response.closeHandler(v -> vertx.cancelTimer(timer));
  }

  private static Buffer render(List<ContainerLog.Entry> entries, LogQuery query, long[] budget, boolean[] lineStart) {
    Buffer buffer = Buffer.buffer();
    for (ContainerLog.Entry entry : entries) {
      if (budget[0] <= 0) {
        break;
      }
      byte[] bytes = entry.render(query.timestamps() && lineStart[0]);
      lineStart[0] = !entry.partial();
      int take = (int) Math.min(bytes.length, budget[0]);
      buffer.appendBytes(bytes, 0, take);
      budget[0] -= take;
    }
    return buffer;
  }

  /** The container (or init container) a request names, or the only one; {@code null} when the pod has not started it. */
  static PodSandbox.Container container(JsonNode pod, PodSandbox sandbox, String name) {
    List<String> names = new ArrayList<>();
    pod.path("spec").path("containers").forEach(c -> names.add(c.path("name").asString("")));
    List<String> initNames = new ArrayList<>();
    pod.path("spec").path("initContainers").forEach(c -> initNames.add(c.path("name").asString("")));
    String podName = pod.path("metadata").path("name").asString("");
    if (name == null || name.isEmpty()) {
      if (names.size() != 1) {
        throw ApiException.badRequest("a container name must be specified for pod " + podName + ", choose one of: " + names
            + (initNames.isEmpty() ? "" : " or one of the init containers: " + initNames));
      }
      name = names.get(0);
    } else if (!names.contains(name) && !initNames.contains(name)) {
      throw ApiException.badRequest("container " + name + " is not valid for pod " + podName);
    }
    return sandbox == null ? null : sandbox.container(name);
  }

  private static String firstContainer(JsonNode pod) {
    return pod.path("spec").path("containers").path(0).path("name").asString("");
  }
}
