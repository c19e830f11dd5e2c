package io.kubelauncher.testkit.cluster;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stand-in for a Kubernetes cluster that clients cannot tell from a real one for what the
 * launcher plugin uses: an HTTPS API server with its own CA and a bearer token, one namespace,
 * nodes, and controllers that run each Job's container as a local process.
 *
 * <pre>{@code
 * try (SimulatedCluster cluster = SimulatedCluster.builder().namespace("rstudio").start()) {
 *   KubernetesClient client = cluster.client();
 *   ...
 * }
 * }</pre>
 */
public final class SimulatedCluster implements AutoCloseable {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SimulatedCluster.class);
  /** The longest close() waits for any one part of the cluster to stop. */
  private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(5);

  private final Builder settings;
  private final ObjectStore store;
  private final Scenarios scenarios;
  private final Vertx vertx;
  private final ScheduledExecutorService controllerThread;
  private final ExecutorService pumps;
  private final Kubelet kubelet;
  private final ControllerLoop controllerLoop;
  private final ApiServer apiServer;
  private final ClusterCertificates certificates;
  private final String token;
  private final String apiUrl;
  private KubernetesClient client;

  private SimulatedCluster(Builder settings) {
    this.settings = settings;
    Clock clock = settings.clock;
    SecureRandom secure = new SecureRandom();
    Random random = settings.seed == null ? secure : new Random(settings.seed);
    this.token = settings.token != null ? settings.token : HexFormat.of().formatHex(secure.generateSeed(24));
    this.certificates = ClusterCertificates.generate(clock.instant(), secure);
    this.store = new ObjectStore(clock, random, settings.historyLimit);
    this.controllerThread = Executors.newSingleThreadScheduledExecutor(daemon("simulated-cluster-controller"));
    this.pumps = Executors.newCachedThreadPool(daemon("simulated-cluster-process"));
    int eventLoops = Math.max(2, Runtime.getRuntime().availableProcessors());
    this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(eventLoops).setWorkerPoolSize(4));
    Admission admission = new Admission(store, random);
    Deletion deletion = new Deletion(store, clock);
    EventRecorder events = new EventRecorder(store, clock);
    // the scenarios' hooks run only once the cluster is up, when every field below is set
    this.scenarios = new Scenarios(store::compact, this::restartApiServer, this::reschedule);
    this.kubelet = new Kubelet(store, events, scenarios, controllerThread, pumps, clock, settings.stateDir, "127.0.0.1");
    Scheduler scheduler = new Scheduler(store, events, scenarios, controllerThread, clock);
    JobController jobs = new JobController(store, deletion, admission, events, controllerThread, clock, settings.podFailureBackoff);
    this.controllerLoop = new ControllerLoop(controllerThread, jobs, scheduler, kubelet, deletion);
    this.apiServer = new ApiServer(vertx, store, admission, deletion, kubelet, pumps, scenarios, certificates, token, clock, random,
        settings.bookmarkInterval, settings.watchTimeout, eventLoops);
    seed(clock, settings.nodes);
    store.addListener(controllerLoop);
    controllerLoop.start();
    int port;
    try {
      port = apiServer.start(settings.port);
    } catch (RuntimeException e) {
      shutdownRuntime();
      throw e;
    }
    this.apiUrl = "https://127.0.0.1:" + port;
  }

  private void seed(Clock clock, int nodes) {
    ObjectNode namespace = Json.object();
    namespace.putObject("metadata").put("name", settings.namespace).putObject("labels").put("kubernetes.io/metadata.name", settings.namespace);
    namespace.putObject("spec").putArray("finalizers").add("kubernetes");
    namespace.putObject("status").put("phase", "Active");
    store.create(ResourceKind.NAMESPACES, null, namespace);
    ObjectNode serviceAccount = Json.object();
    serviceAccount.putObject("metadata").put("name", "default");
    store.create(ResourceKind.SERVICE_ACCOUNTS, settings.namespace, serviceAccount);
    for (ObjectNode node : NodeInventory.ofThisMachine(nodes).nodes(ObjectStore.timestamp(clock.instant()))) {
      store.create(ResourceKind.NODES, null, node);
    }
  }

  private void restartApiServer() {
    apiServer.restart();
  }

  private void reschedule() {
    controllerLoop.reschedule();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The API server's URL, {@code https://127.0.0.1:<port>}. */
  public String apiUrl() {
    return apiUrl;
  }

  /** The bearer token every request must carry. */
  public String token() {
    return token;
  }

  /** The PEM certificate of the cluster's CA, which signed the API server's certificate. */
  public String caCertificatePem() {
    return certificates.caCertificatePem();
  }

  /** The one namespace of the cluster. */
  public String namespace() {
    return settings.namespace;
  }

  /** Where pod sandboxes and container logs live. */
  public Path stateDir() {
    return settings.stateDir;
  }

  /** The switches for faults and conditions. */
  public Scenarios scenarios() {
    return scenarios;
  }

  /** A Fabric8 configuration for this cluster (CA, token, namespace, and only one retry of failed requests). */
  public Config clientConfig() {
    return new ConfigBuilder(Config.empty())
        .withMasterUrl(apiUrl)
        .withOauthToken(token)
        .withCaCertData(Base64.getEncoder().encodeToString(caCertificatePem().getBytes(StandardCharsets.US_ASCII)))
        .withNamespace(settings.namespace)
        .withRequestRetryBackoffLimit(1)
        .withRequestRetryBackoffInterval(50)
        .build();
  }

  /** A Fabric8 client configured for this cluster, closed with it. */
  public synchronized KubernetesClient client() {
    if (client == null) {
      client = new KubernetesClientBuilder().withConfig(clientConfig()).build();
    }
    return client;
  }

  /**
   * Stores an object as it is, status included, without admission: for seeding a cluster with
   * history (thousands of finished Jobs, their pods and Events) in seconds rather than by running
   * them. The kind comes from the object's {@code kind}; a given {@code metadata.uid} and
   * {@code creationTimestamp} are kept (so that pods can name an owner stored after them), the rest
   * of the system fields are filled in as on create. Watches and controllers see the change.
   */
  public ObjectNode preload(ObjectNode object) {
    String kindName = object.path("kind").asString("");
    ResourceKind kind = ResourceKind.STORED.stream().filter(k -> k.kind().equals(kindName)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("cannot preload kind '" + kindName + "': not a stored kind"));
    JsonNode given = object.path("metadata");
    String uid = given.path("uid").asString("");
    String created = given.path("creationTimestamp").asString("");
    return store.create(kind, kind.namespaced() ? settings.namespace : null, object, stored -> {
      ObjectNode metadata = ObjectStore.metadata(stored);
      if (!uid.isEmpty()) {
        metadata.put("uid", uid);
      }
      if (!created.isEmpty()) {
        metadata.put("creationTimestamp", created);
      }
      return stored;
    }).deepCopy();
  }

  /**
   * Calls {@code observer} with every change at the moment it is stored, before any watch announces
   * it: the instant an object changed, for a measurement of what follows (a status reaching the
   * Launcher, say). The observer runs under the store's lock, so it must only record and return.
   *
   * @return closing it stops the calls
   */
  public AutoCloseable onStored(Consumer<StoredChange> observer) {
    Objects.requireNonNull(observer, "observer");
    ObjectStore.Listener listener = change -> observer.accept(new StoredChange(change.type().name(), change.kind().kind(),
        change.namespace(), change.object().path("metadata").path("name").asString(""), change.resourceVersion()));
    // first: a watch that queued the change before the observer ran could announce it before the observer's clock read
    store.addFirstListener(listener);
    return () -> store.removeListener(listener);
  }

  /** Writes {@code api-url}, {@code token} and {@code ca.crt} into a directory, as the standalone cluster does. */
  public void writeConnectionFiles(Path directory) {
    try {
      Files.createDirectories(directory);
      Files.writeString(directory.resolve("token"), token);
      Files.writeString(directory.resolve("ca.crt"), caCertificatePem());
      // written last: its presence means the other two are complete
      Path url = directory.resolve("api-url.tmp");
      Files.writeString(url, apiUrl + "\n");
      Files.move(url, directory.resolve("api-url"), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the cluster's connection files into " + directory, e);
    }
  }

  /** Stops the API server and the controllers, and kills every container process. */
  @Override
  public void close() {
    synchronized (this) {
      if (client != null) {
        client.close();
      }
    }
    try {
      apiServer.stop();
    } finally {
      shutdownRuntime();
    }
  }

  private void shutdownRuntime() {
    try {
      controllerThread.submit(kubelet::shutdown).get(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException
             | java.util.concurrent.RejectedExecutionException e) {
      LOG.warn("the kubelet did not stop its containers cleanly: {}", e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    // shutdownNow, not shutdown: delayed work (a grace period's SIGKILL, a job's backoff) would
    // otherwise keep the controller alive, and close() waiting, until it came due
    controllerThread.shutdownNow();
    pumps.shutdownNow();
    try {
      vertx.close().await(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      LOG.warn("Vert.x did not close within {} ms; leaving its threads to end on their own", SHUTDOWN_WAIT.toMillis());
    }
    if (settings.temporaryStateDir) {
      deleteTree(settings.stateDir);
    }
  }

  /** Removes the temporary state directory the builder made (a directory given to it is left alone). */
  private static void deleteTree(Path root) {
    try (java.util.stream.Stream<Path> paths = Files.walk(root)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // best effort: a temporary directory left behind harms no one
    }
  }

  private static ThreadFactory daemon(String name) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** Settings of a simulated cluster; {@link #start()} builds and starts it. */
  public static final class Builder {
    private String namespace = "default";
    private int nodes = 3;
    private int port;
    private Path stateDir;
    private String token;
    private Clock clock = Clock.systemUTC();
    private Long seed;
    private int historyLimit = 200_000;
    private Duration bookmarkInterval = Duration.ofSeconds(60);
    private Duration watchTimeout = Duration.ofMinutes(30);
    private boolean temporaryStateDir;
    private Duration podFailureBackoff = Duration.ofSeconds(10);

    private Builder() {
    }

    public Builder namespace(String namespace) {
      this.namespace = Objects.requireNonNull(namespace, "namespace");
      return this;
    }

    /** How many nodes (each with this machine's CPU count and memory); 3 by default. */
    public Builder nodes(int nodes) {
      if (nodes < 1) {
        throw new IllegalArgumentException("a cluster needs at least one node, was " + nodes);
      }
      this.nodes = nodes;
      return this;
    }

    /** The API server's port; 0 (the default) picks a free one. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
      }
      this.port = port;
      return this;
    }

    /** Where pod sandboxes and logs go; by default a fresh temporary directory, removed on close. */
    public Builder stateDir(Path stateDir) {
      this.stateDir = Objects.requireNonNull(stateDir, "stateDir");
      return this;
    }

    /** The bearer token; random by default. */
    public Builder token(String token) {
      this.token = Objects.requireNonNull(token, "token");
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Seeds generated names, uids and injected failures, for reproducible runs. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** How many changes watches can resume from before 410 Gone; 200,000 by default. */
    public Builder historyLimit(int historyLimit) {
      if (historyLimit < 1) {
        throw new IllegalArgumentException("historyLimit must be positive, was " + historyLimit);
      }
      this.historyLimit = historyLimit;
      return this;
    }

    /** How often watches that allow bookmarks get one; a minute by default, as on a real server. */
    public Builder bookmarkInterval(Duration interval) {
      this.bookmarkInterval = Objects.requireNonNull(interval, "interval");
      return this;
    }

    /** How long a watch without {@code timeoutSeconds} lasts; 30 minutes by default. */
    public Builder watchTimeout(Duration timeout) {
      this.watchTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /**
     * How long the job controller waits before replacing the first failed pod of a Job (doubling
     * for each further failure, at most six minutes); 10 seconds by default, as in Kubernetes.
     */
    public Builder podFailureBackoff(Duration backoff) {
      if (backoff == null || backoff.isNegative()) {
        throw new IllegalArgumentException("podFailureBackoff must be zero or positive, was " + backoff);
      }
      this.podFailureBackoff = backoff;
      return this;
    }

    public SimulatedCluster start() {
      if (stateDir == null) {
        try {
          stateDir = Files.createTempDirectory("simulated-cluster");
          temporaryStateDir = true;
        } catch (IOException e) {
          throw new UncheckedIOException("cannot create a state directory", e);
        }
      }
      return new SimulatedCluster(this);
    }
  }
}
