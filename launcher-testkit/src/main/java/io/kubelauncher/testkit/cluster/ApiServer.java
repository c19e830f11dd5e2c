package io.kubelauncher.testkit.cluster;

import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.net.PemKeyCertOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Kubernetes REST API over HTTPS on Vert.x: bearer-token authentication, discovery, CRUD with
 * selectors and paging, watches (chunked HTTP and WebSocket), pod logs, exec and attach
 * (WebSocket channel protocol), PodMetrics, SelfSubjectAccessReviews, and the fault scenarios
 * (latency, 500s, denied permissions, dropped watches, restarts).
 */
final class ApiServer {
  private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
  private static final Duration STOP_WAIT = Duration.ofSeconds(5);
  private static final String JSON = "application/json";
  /** The filter of a request without selectors (blank ones included). */
  private static final Predicate<ObjectNode> EVERY_OBJECT = object -> true;

  /** A parsed resource URL: {@code /api/v1/namespaces/ns/pods/name/log} and its kin. */
  record Target(ResourceKind kind, String namespace, String name, String subresource) {}

  private final Vertx vertx;
  private final ObjectStore store;
  private final Admission admission;
  private final Deletion deletion;
  private final Kubelet kubelet;
  private final PodStreams podStreams;
  private final Authorization authorization;
  private final PodMetricsApi metrics;
  private final Scenarios scenarios;
  private final ClusterCertificates certificates;
  private final String token;
  private final Clock clock;
  private final Random random;
  private final Duration bookmarkInterval;
  private final Duration defaultWatchTimeout;
  private final int eventLoops;
  private volatile List<String> deployments = List.of();
  private volatile int port;
  private volatile Discovery discovery;

  ApiServer(Vertx vertx, ObjectStore store, Admission admission, Deletion deletion, Kubelet kubelet, ExecutorService pumps,
            Scenarios scenarios, ClusterCertificates certificates, String token, Clock clock, Random random,
            Duration bookmarkInterval, Duration defaultWatchTimeout, int eventLoops) {
    this.vertx = vertx;
    this.eventLoops = eventLoops;
    this.store = store;
    this.admission = admission;
    this.deletion = deletion;
    this.kubelet = kubelet;
    this.podStreams = new PodStreams(vertx, pumps);
    this.authorization = new Authorization(scenarios);
    this.metrics = new PodMetricsApi(store, kubelet, authorization, clock);
    this.scenarios = scenarios;
    this.certificates = certificates;
    this.token = token;
    this.clock = clock;
    this.random = random;
    this.bookmarkInterval = bookmarkInterval;
    this.defaultWatchTimeout = defaultWatchTimeout;
  }

  /**
   * Listens on 127.0.0.1 ({@code port} 0: any free port); returns the port. One server per event
   * loop, each in its own instance of one verticle deployment: Vert.x then shares the port between
   * them and spreads connections over every event loop.
   */
  int start(int requestedPort) {
    HttpServerOptions options = new HttpServerOptions()
        .setSsl(true)
        .setKeyCertOptions(new PemKeyCertOptions()
            .setCertValue(Buffer.buffer(certificates.serverCertificatePem()))
            .setKeyValue(Buffer.buffer(certificates.serverKeyPem())))
        .setWebSocketSubProtocols(PodStreams.SUBPROTOCOLS)
        .setMaxWebSocketMessageSize(16 * 1024 * 1024)
        .setReuseAddress(true)
        .setTcpNoDelay(true);
    List<Integer> bound = java.util.Collections.synchronizedList(new ArrayList<>());
    // instances of one deployment share a fixed port (not port 0: each would get its own)
    int fixedPort = requestedPort != 0 ? requestedPort : freePort();
    String deployment = vertx.deployVerticle(() -> listener(options, fixedPort, bound),
        new DeploymentOptions().setInstances(eventLoops)).await();
    deployments = List.of(deployment);
    if (bound.stream().distinct().count() != 1) {
      throw new IllegalStateException("the API server's event loops did not share one port: " + bound);
    }
    port = bound.get(0);
    discovery = new Discovery("127.0.0.1:" + port);
    return port;
  }

  private static int freePort() {
    try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return probe.getLocalPort();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("no free port on 127.0.0.1", e);
    }
  }

  private VerticleBase listener(HttpServerOptions options, int listenPort, List<Integer> bound) {
    return new VerticleBase() {
      @Override
      public Future<?> start() {
        return vertx.createHttpServer(options).requestHandler(ApiServer.this::accept).listen(listenPort, "127.0.0.1")
            .onSuccess(server -> bound.add(server.actualPort()));
      }
    };
  }

  /** Cuts every connection and listens again on the same port, keeping all state. */
  void restart() {
    stop();
    start(port);
  }

  /** Closes the servers (undeploying a verticle closes the servers it started, and their connections). */
  void stop() {
    for (String deployment : deployments) {
      try {
        // closing a server cuts its connections (close is a shutdown without grace period): open
        // watches, log follows and exec sessions end at once instead of holding the stop up
        vertx.undeploy(deployment).await(STOP_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        LOG.warn("the API server did not stop within {} ms; its connections are left to Vert.x's close", STOP_WAIT.toMillis());
      }
    }
    deployments = List.of();
  }

  private void accept(HttpServerRequest request) {
    Duration latency = scenarios.latency();
    boolean upgrade = "websocket".equalsIgnoreCase(request.getHeader(HttpHeaders.UPGRADE));
    if (upgrade) {
      request.pause();
      delayed(latency, () -> {
        request.resume();
        serve(request, Buffer.buffer());
      });
      return;
    }
    request.body()
        .onSuccess(body -> delayed(latency, () -> serve(request, body)))
        .onFailure(e -> LOG.debug("request body failed", e));
  }

  private void delayed(Duration latency, Runnable action) {
    if (latency.isZero()) {
      action.run();
    } else {
      vertx.setTimer(latency.toMillis(), t -> action.run());
    }
  }

  private void serve(HttpServerRequest request, Buffer body) {
    try {
      String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
      if (authorization == null || !authorization.equals("Bearer " + token)) {
        throw new ApiException(401, "Unauthorized", "Unauthorized");
      }
      double errorRate = scenarios.errorRate();
      if (errorRate > 0 && random.nextDouble() < errorRate) {
        throw new ApiException(500, "InternalError", "Internal error occurred: injected failure (SimulatedCluster scenario failRequests)");
      }
      String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
      if (body.length() > 0 && contentType != null && !contentType.contains("json")) {
        throw new ApiException(415, "UnsupportedMediaType", "the body of the request was in an unknown format - accepted media types include: "
            + "application/json, application/yaml (this simulated cluster does not speak " + contentType + ")");
      }
      route(request, body);
    } catch (ApiException e) {
      respond(request, e.code(), status(e));
    } catch (JacksonException e) {
      respond(request, 400, status(ApiException.badRequest("the request body is not valid JSON: " + e.getOriginalMessage())));
    } catch (RuntimeException e) {
      LOG.warn("simulated API server failed on {} {}", request.method(), request.uri(), e);
      respond(request, 500, status(new ApiException(500, "InternalError", "Internal error occurred: " + e)));
    }
  }

  private void route(HttpServerRequest request, Buffer body) {
    List<String> path = new ArrayList<>(Arrays.asList(request.path().split("/")));
    path.removeIf(String::isEmpty);
    HttpMethod method = request.method();
    if (method == HttpMethod.GET) {
      if (path.equals(List.of("version"))) {
        respond(request, 200, Discovery.version());
        return;
      }
      if (path.equals(List.of("api"))) {
        respond(request, 200, discovery.coreVersions());
        return;
      }
      if (path.equals(List.of("apis"))) {
        respond(request, 200, discovery.groups());
        return;
      }
      if (path.size() == 2 && path.get(0).equals("apis")) {
        respond(request, 200, discovery.group(path.get(1)).orElseThrow(() -> notFound()));
        return;
      }
      if (path.size() == 2 && path.get(0).equals("api") || path.size() == 3 && path.get(0).equals("apis")) {
        String groupVersion = path.get(0).equals("api") ? path.get(1) : path.get(1) + "/" + path.get(2);
        respond(request, 200, discovery.resources(groupVersion).orElseThrow(() -> notFound()));
        return;
      }
    }
    if (path.size() == 3 && path.get(0).equals("simulated-cluster") && path.get(1).equals("scenarios") && method == HttpMethod.POST) {
      JsonNode arguments = body.length() == 0 ? Json.object() : Json.MAPPER.readTree(body.getBytes());
      ScenarioCommand.apply(scenarios, path.get(2), arguments);
      respond(request, 200, Json.object().put("applied", path.get(2)));
      return;
    }
    if (path.size() >= 3 && path.get(0).equals("apis") && path.get(1).equals("authorization.k8s.io")) {
      if (method == HttpMethod.POST && path.size() == 4 && path.get(3).equals("selfsubjectaccessreviews")) {
        respond(request, 201, authorization.review(Json.MAPPER.readTree(body.getBytes())));
        return;
      }
      throw notFound();
    }
    if (path.size() >= 3 && path.get(0).equals("apis") && path.get(1).equals("metrics.k8s.io")) {
      respond(request, 200, metrics.serve(request, path.subList(3, path.size())));
      return;
    }
    Target target = target(path).orElseThrow(() -> notFound());
    dispatch(request, body, target);
  }

  private static java.util.Optional<Target> target(List<String> path) {
    List<String> rest;
    String group;
    String version;
    if (path.size() >= 3 && path.get(0).equals("api")) {
      group = "";
      version = path.get(1);
      rest = path.subList(2, path.size());
    } else if (path.size() >= 4 && path.get(0).equals("apis")) {
      group = path.get(1);
      version = path.get(2);
      rest = path.subList(3, path.size());
    } else {
      return java.util.Optional.empty();
    }
    String namespace = null;
    if (rest.size() >= 3 && rest.get(0).equals("namespaces")) {
      namespace = rest.get(1);
      rest = rest.subList(2, rest.size());
    }
    if (rest.isEmpty() || rest.size() > 3) {
      return java.util.Optional.empty();
    }
    String plural = rest.get(0);
    String name = rest.size() > 1 ? rest.get(1) : null;
    String subresource = rest.size() > 2 ? rest.get(2) : null;
    java.util.Optional<ResourceKind> kind = ResourceKind.stored(group, version, plural);
    if (kind.isEmpty() || (namespace != null && !kind.get().namespaced())) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(new Target(kind.get(), namespace, name, subresource));
  }

  private void dispatch(HttpServerRequest request, Buffer body, Target target) {
    ResourceKind kind = target.kind();
    HttpMethod method = request.method();
    MultiMap params = request.params();
    boolean collection = target.name() == null;
    if (kind.namespaced() && target.namespace() == null && !collection) {
      throw notFound();
    }
    String verb = verb(method, collection, params);
    String resource = target.subresource() == null ? kind.plural() : kind.plural() + "/" + target.subresource();
    if (target.subresource() != null && (target.subresource().equals("exec") || target.subresource().equals("attach"))) {
      verb = "create";
    }
    authorization.check(verb, kind, resource, target.namespace(), target.name());
    if (target.subresource() != null) {
      subresource(request, body, target);
      return;
    }
    switch (verb) {
      case "list" -> list(request, target);
      case "watch" -> watch(request, target);
      case "get" -> respond(request, 200, store.getOrThrow(kind, target.namespace(), target.name()));
      case "create" -> {
        ObjectNode object = object(body, kind);
        if (target.namespace() == null && kind.namespaced()) {
          throw new ApiException(405, "MethodNotAllowed", "the server does not allow this method on the requested resource");
        }
        String namespace = kind.namespaced() ? target.namespace() : null;
        if (dryRun(params)) {
          respond(request, 201, object);
          return;
        }
        respond(request, 201, store.create(kind, namespace, object, created -> admission.admit(kind, created)));
      }
      case "update" -> {
        ObjectNode replacement = object(body, kind);
        respond(request, 200, store.update(kind, target.namespace(), target.name(), current -> {
          // the main resource ignores status changes, as it does for every kind with a status subresource
          if (current.has("status")) {
            replacement.set("status", current.get("status"));
          }
          return replacement;
        }));
      }
      case "patch" -> {
        JsonNode patch = Json.MAPPER.readTree(body.getBytes());
        String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
        respond(request, 200, store.update(kind, target.namespace(), target.name(), current -> {
          ObjectNode patched = Patches.apply(contentType, current, patch);
          if (current.has("status")) {
            patched.set("status", current.get("status"));
          }
          return patched;
        }));
      }
      case "delete" -> {
        JsonNode options = body.length() == 0 ? Json.object() : Json.MAPPER.readTree(body.getBytes());
        respond(request, 200, deletion.delete(kind, target.namespace(), target.name(),
            Deletion.Options.parse(options, params.get("propagationPolicy"), params.get("gracePeriodSeconds"))));
      }
      case "deletecollection" -> {
        JsonNode options = body.length() == 0 ? Json.object() : Json.MAPPER.readTree(body.getBytes());
        Deletion.Options parsed = Deletion.Options.parse(options, params.get("propagationPolicy"), params.get("gracePeriodSeconds"));
        List<ObjectNode> doomed = store.select(kind, target.namespace(), filter(params));
        ArrayNode items = Json.array();
        for (ObjectNode object : doomed) {
          try {
            items.add(deletion.delete(kind, target.namespace(), object.path("metadata").path("name").asString(""), parsed));
          } catch (ApiException gone) {
            // deleted meanwhile
          }
        }
        ObjectNode list = Json.object().put("kind", kind.listKind()).put("apiVersion", kind.apiVersion());
        list.putObject("metadata").put("resourceVersion", Long.toString(store.resourceVersion()));
        list.set("items", items);
        respond(request, 200, list);
      }
      default -> throw new ApiException(405, "MethodNotAllowed", "the server does not allow this method on the requested resource");
    }
  }

  private void subresource(HttpServerRequest request, Buffer body, Target target) {
    ResourceKind kind = target.kind();
    String subresource = target.subresource();
    if (subresource.equals("status")) {
      HttpMethod method = request.method();
      if (method == HttpMethod.GET) {
        respond(request, 200, store.getOrThrow(kind, target.namespace(), target.name()));
      } else if (method == HttpMethod.PUT) {
        ObjectNode replacement = object(body, kind);
        respond(request, 200, store.update(kind, target.namespace(), target.name(), current -> {
          current.set("status", replacement.path("status").deepCopy());
          if (replacement.path("metadata").has("resourceVersion")) {
            ObjectStore.metadata(current).set("resourceVersion", replacement.path("metadata").path("resourceVersion"));
          }
          return current;
        }));
      } else if (method == HttpMethod.PATCH) {
        JsonNode patch = Json.MAPPER.readTree(body.getBytes());
        String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
        respond(request, 200, store.update(kind, target.namespace(), target.name(), current -> {
          ObjectNode patched = Patches.apply(contentType, current, patch);
          current.set("status", patched.path("status").deepCopy());
          return current;
        }));
      } else {
        throw new ApiException(405, "MethodNotAllowed", "the server does not allow this method on the requested resource");
      }
      return;
    }
    if (kind != ResourceKind.PODS) {
      throw notFound();
    }
    ObjectNode pod = store.getOrThrow(ResourceKind.PODS, target.namespace(), target.name());
    switch (subresource) {
      case "log" -> new PodLogs(vertx, clock).serve(request, pod, kubelet.sandbox(target.namespace(), target.name()));
      case "exec", "attach" -> stream(request, pod, subresource);
      default -> throw notFound();
    }
  }

  private void stream(HttpServerRequest request, ObjectNode pod, String subresource) {
    MultiMap params = request.params();
    PodSandbox sandbox = kubelet.sandbox(pod.path("metadata").path("namespace").asString(""), pod.path("metadata").path("name").asString(""))
        .orElse(null);
    String phase = pod.path("status").path("phase").asString("");
    if (phase.equals("Succeeded") || phase.equals("Failed")) {
      throw ApiException.badRequest("cannot " + subresource + " into a container in a completed pod; current phase is " + phase);
    }
    PodSandbox.Container container = PodLogs.container(pod, sandbox, params.get("container"));
    if (container == null || container.process == null || !container.process.running()) {
      throw ApiException.badRequest("container " + (container == null ? params.get("container") : container.name)
          + " is not valid for pod " + pod.path("metadata").path("name").asString("") + " or is not running");
    }
    if (!"websocket".equalsIgnoreCase(request.getHeader(HttpHeaders.UPGRADE))) {
      throw ApiException.badRequest("Upgrade request required: this simulated cluster serves " + subresource + " over WebSocket only");
    }
    boolean stdin = bool(params.get("stdin"));
    if (subresource.equals("exec") && params.getAll("command").isEmpty()) {
      throw ApiException.badRequest("you must specify at least 1 command");
    }
    request.toWebSocket().onSuccess((ServerWebSocket socket) -> {
      if (subresource.equals("exec")) {
        List<String> command = params.getAll("command");
        podStreams.exec(socket, sandbox, container, pod.path("spec").path("shareProcessNamespace").asBoolean(false), command, stdin);
      } else {
        boolean stdinOnce = false;
        for (JsonNode spec : pod.path("spec").path("containers")) {
          if (container.name.equals(spec.path("name").asString(""))) {
            stdinOnce = spec.path("stdinOnce").asBoolean(false);
          }
        }
        podStreams.attach(socket, container, stdin, stdinOnce);
      }
    }).onFailure(e -> LOG.debug("websocket upgrade failed", e));
  }

  private void list(HttpServerRequest request, Target target) {
    MultiMap params = request.params();
    long limit = longParam(params, "limit", 0);
    Predicate<ObjectNode> filter = filter(params);
    // as the API server does: remainingItemCount only for a list without selectors
    ObjectStore.Page page = store.list(target.kind(), target.namespace(), filter, limit, params.get("continue"), filter == EVERY_OBJECT);
    ObjectNode metadata = Json.object().put("resourceVersion", Long.toString(page.resourceVersion()));
    if (page.continueToken() != null) {
      metadata.put("continue", page.continueToken());
      if (page.remaining() >= 0) {
        metadata.put("remainingItemCount", page.remaining());
      }
    }
    if (Tables.wanted(request.getHeader(HttpHeaders.ACCEPT))) {
      boolean includeObject = "Object".equals(params.get("includeObject"));
      respond(request, 200, Tables.table(target.kind(), page.items(), metadata, includeObject, clock.instant()));
      return;
    }
    ObjectNode list = Json.object().put("kind", target.kind().listKind()).put("apiVersion", target.kind().apiVersion());
    list.set("metadata", metadata);
    ArrayNode items = list.putArray("items");
    page.items().forEach(items::add);
    respond(request, 200, list, true);
  }

  private void watch(HttpServerRequest request, Target target) {
    MultiMap params = request.params();
    String rv = params.get("resourceVersion");
    Long from;
    try {
      from = rv == null || rv.isEmpty() ? null : Long.parseLong(rv);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("resourceVersion: Invalid value: \"" + rv + "\": must be a number");
    }
    long timeoutSeconds = longParam(params, "timeoutSeconds", 0);
    Duration timeout = timeoutSeconds > 0 ? Duration.ofSeconds(timeoutSeconds) : defaultWatchTimeout;
    UnaryOperator<ObjectNode> presentation = UnaryOperator.identity();
    if (Tables.wanted(request.getHeader(HttpHeaders.ACCEPT))) {
      // kubectl get -w: each object as a one-row Table, the column definitions only in the first, as the real server sends
      boolean includeObject = "Object".equals(params.get("includeObject"));
      boolean[] first = {true};
      presentation = object -> {
        ObjectNode table = Tables.table(target.kind(), List.of(object), Json.object(), includeObject, clock.instant());
        if (!first[0]) {
          table.putArray("columnDefinitions");
        }
        first[0] = false;
        return table;
      };
    }
    WatchStream.Request watch = new WatchStream.Request(target.kind(), target.namespace(), filter(params), from,
        bool(params.get("allowWatchBookmarks")), timeout, bookmarkInterval, scenarios.watchDropInterval(), presentation);
    Context context = vertx.getOrCreateContext();
    if ("websocket".equalsIgnoreCase(request.getHeader(HttpHeaders.UPGRADE))) {
      request.toWebSocket().onSuccess(socket -> new WatchStream(vertx, context, store, watch, new WatchStream.Sink() {
        @Override
        public void send(String event) {
          if (!socket.isClosed()) {
            socket.writeTextMessage(event);
          }
        }

        @Override
        public void end() {
          if (!socket.isClosed()) {
            socket.close();
          }
        }

        @Override
        public void drop() {
          if (!socket.isClosed()) {
            socket.close((short) 1011, "dropped by SimulatedCluster scenario");
          }
        }

        @Override
        public void onClosed(Runnable action) {
          socket.closeHandler(v -> action.run());
        }
      }).start());
      return;
    }
    HttpServerResponse response = request.response();
    response.setChunked(true).putHeader(HttpHeaders.CONTENT_TYPE, JSON).setStatusCode(200);
    new WatchStream(vertx, context, store, watch, new WatchStream.Sink() {
      @Override
      public void send(String event) {
        if (!response.closed()) {
          response.write(event + "\n");
        }
      }

      @Override
      public void end() {
        if (!response.ended() && !response.closed()) {
          response.end();
        }
      }

      @Override
      public void drop() {
        request.connection().close();
      }

      @Override
      public void onClosed(Runnable action) {
        response.closeHandler(v -> action.run());
        response.endHandler(v -> action.run());
      }
    }).start();
  }

  private static String verb(HttpMethod method, boolean collection, MultiMap params) {
    if (method == HttpMethod.GET) {
      return collection ? (bool(params.get("watch")) ? "watch" : "list") : "get";
    }
    if (method == HttpMethod.POST) {
      return "create";
    }
    if (method == HttpMethod.PUT) {
      return "update";
    }
    if (method == HttpMethod.PATCH) {
      return "patch";
    }
    if (method == HttpMethod.DELETE) {
      return collection ? "deletecollection" : "delete";
    }
    return method.name().toLowerCase();
  }

  /** The request's label and field selectors; {@link #EVERY_OBJECT} itself when it has none. */
  private static Predicate<ObjectNode> filter(MultiMap params) {
    LabelSelector labels = LabelSelector.parse(params.get("labelSelector"));
    FieldSelector fields = FieldSelector.parse(params.get("fieldSelector"));
    if (labels == LabelSelector.EVERYTHING && fields == FieldSelector.EVERYTHING) {
      return EVERY_OBJECT;
    }
    return object -> labels.test(Admission.labels(object)) && fields.test(object);
  }

  private static ObjectNode object(Buffer body, ResourceKind kind) {
    JsonNode node = Json.MAPPER.readTree(body.getBytes());
    if (!(node instanceof ObjectNode object)) {
      throw ApiException.badRequest("the body of the request must be a " + kind.kind() + " object");
    }
    String sentKind = object.path("kind").asString("");
    if (!sentKind.isEmpty() && !sentKind.equals(kind.kind())) {
      throw ApiException.badRequest("the API version in the data (" + object.path("apiVersion").asString("") + ") and kind (" + sentKind
          + ") do not match the resource " + ApiException.qualified(kind));
    }
    return object;
  }

  private static boolean dryRun(MultiMap params) {
    return "All".equals(params.get("dryRun"));
  }

  private static boolean bool(String value) {
    return "true".equals(value) || "1".equals(value);
  }

  private static long longParam(MultiMap params, String name, long fallback) {
    String value = params.get(name);
    if (value == null || value.isEmpty()) {
      return fallback;
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(name + ": Invalid value: \"" + value + "\": must be an integer");
    }
  }

  static ApiException notFound() {
    return new ApiException(404, "NotFound", "the server could not find the requested resource");
  }

  static ObjectNode status(ApiException e) {
    ObjectNode status = Json.object().put("kind", "Status").put("apiVersion", "v1");
    status.putObject("metadata");
    status.put("status", "Failure").put("message", e.getMessage()).put("reason", e.reason()).put("code", e.code());
    return status;
  }

  static void respond(HttpServerRequest request, int code, JsonNode body) {
    respond(request, code, body, false);
  }

  /** With {@code compressible}, gzipped when large and the client accepts it, as kube-apiserver does for lists. */
  private static void respond(HttpServerRequest request, int code, JsonNode body, boolean compressible) {
    HttpServerResponse response = request.response();
    if (response.ended() || response.closed()) {
      return;
    }
    byte[] bytes = Json.MAPPER.writeValueAsBytes(body);
    response.setStatusCode(code).putHeader(HttpHeaders.CONTENT_TYPE, JSON);
    if (compressible && ResponseCompression.worthIt(bytes) && ResponseCompression.accepts(request.getHeader(HttpHeaders.ACCEPT_ENCODING))) {
      response.putHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
      bytes = ResponseCompression.gzip(bytes);
    }
    response.end(Buffer.buffer(bytes));
  }
}
