package io.kubelauncher.testkit.cluster;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The simulated etcd + registry: every object of every kind, one global resourceVersion counter,
 * and a bounded history of changes from which watches resume.
 *
 * <p>Stored nodes are never mutated after they are stored: every change stores a fresh copy, so
 * readers (lists, watches, the controller) may hold them without copying. Listeners are called
 * under the store's lock, in resourceVersion order, and must only enqueue.
 */
final class ObjectStore {

  enum ChangeType { ADDED, MODIFIED, DELETED }

  /** One change; {@code previous} is the object before a MODIFIED (null otherwise), for selector transitions. */
  record Change(ChangeType type, ResourceKind kind, ObjectNode object, ObjectNode previous, long resourceVersion) {
    String namespace() {
      return object.path("metadata").path("namespace").asString("");
    }
  }

  interface Listener {
    void onChange(Change change);
  }

  /**
   * The result of a list: the matching page, the store's resourceVersion, the next page's token and,
   * when the list was asked to count them, how many objects follow ({@code -1} when not counted).
   */
  record Page(List<ObjectNode> items, long resourceVersion, String continueToken, long remaining) {}

  /** A started watch: the changes to replay first, and a handle that stops the live feed. */
  record Subscription(List<Change> replay, Runnable cancel) {}

  private static final String NAME_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
  private static final int MAX_GENERATED_PREFIX = 58;

  private final Clock clock;
  private final Random random;
  private final int historyLimit;
  private final Map<ResourceKind, NavigableMap<String, ObjectNode>> objects = new HashMap<>();
  private final ArrayDeque<Change> history = new ArrayDeque<>();
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();
  private long resourceVersion;
  /** The oldest resourceVersion a watch may resume from (everything after it is in the history). */
  private long oldestResumable;

  ObjectStore(Clock clock, Random random, int historyLimit) {
    this.clock = clock;
    this.random = random;
    this.historyLimit = historyLimit;
    for (ResourceKind kind : ResourceKind.STORED) {
      objects.put(kind, new TreeMap<>());
    }
  }

  void addListener(Listener listener) {
    listeners.add(listener);
  }

  /** A listener called before those already added: it sees each change before any watch has queued it. */
  void addFirstListener(Listener listener) {
    listeners.add(0, listener);
  }

  void removeListener(Listener listener) {
    listeners.remove(listener);
  }

  synchronized long resourceVersion() {
    return resourceVersion;
  }

  synchronized Optional<ObjectNode> get(ResourceKind kind, String namespace, String name) {
    return Optional.ofNullable(objects.get(kind).get(key(kind, namespace, name)));
  }

  ObjectNode getOrThrow(ResourceKind kind, String namespace, String name) {
    return get(kind, namespace, name).orElseThrow(() -> ApiException.notFound(kind, name));
  }

  /** Every object of a kind in a namespace ({@code null}: all namespaces) that matches. */
  synchronized List<ObjectNode> select(ResourceKind kind, String namespace, Predicate<ObjectNode> filter) {
    List<ObjectNode> result = new ArrayList<>();
    for (ObjectNode object : range(kind, namespace).values()) {
      if (filter.test(object)) {
        result.add(object);
      }
    }
    return result;
  }

  /**
   * One page of a list. The objects after the page are counted only when {@code countRemaining}:
   * the API server counts them only for lists without selectors, and counting a selected list would
   * test every remaining object on every page (quadratic in a paged list of thousands).
   */
  synchronized Page list(ResourceKind kind, String namespace, Predicate<ObjectNode> filter, long limit, String continueToken,
      boolean countRemaining) {
    String after = null;
    if (continueToken != null && !continueToken.isEmpty()) {
      ContinueToken token = ContinueToken.decode(continueToken);
      if (token.resourceVersion() < oldestResumable) {
        throw ApiException.gone("The provided continue parameter is too old to display a consistent list result."
            + " You can start a new list without the continue parameter, or use the continue token in this response"
            + " to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list"
            + " - objects that were created, modified, or deleted between the time the first chunk was returned and now"
            + " may show up in the list.");
      }
      after = token.start();
    }
    NavigableMap<String, ObjectNode> candidates = range(kind, namespace);
    if (after != null) {
      candidates = candidates.tailMap(after, false);
    }
    List<ObjectNode> items = new ArrayList<>();
    String lastKey = null;
    long remaining = 0;
    for (Map.Entry<String, ObjectNode> entry : candidates.entrySet()) {
      if (!filter.test(entry.getValue())) {
        continue;
      }
      if (limit > 0 && items.size() >= limit) {
        remaining++;
        if (!countRemaining) {
          break;
        }
        continue;
      }
      items.add(entry.getValue());
      lastKey = entry.getKey();
    }
    String next = remaining > 0 ? new ContinueToken(resourceVersion, lastKey).encode() : null;
    return new Page(items, resourceVersion, next, countRemaining ? remaining : -1);
  }

  /**
   * Stores a new object, filling in what the API server fills in: the generated name, uid,
   * creationTimestamp, resourceVersion and generation.
   */
  synchronized ObjectNode create(ResourceKind kind, String namespace, ObjectNode requested) {
    return create(kind, namespace, requested, UnaryOperator.identity());
  }

  /**
   * As {@link #create(ResourceKind, String, ObjectNode)}, with {@code admission} (defaulting and
   * validation) applied once the system fields are set, so that it can use the new uid.
   */
  synchronized ObjectNode create(ResourceKind kind, String namespace, ObjectNode requested, UnaryOperator<ObjectNode> admission) {
    ObjectNode object = requested.deepCopy();
    object.put("apiVersion", kind.apiVersion());
    object.put("kind", kind.kind());
    ObjectNode metadata = metadata(object);
    String name = metadata.path("name").asString("");
    if (name.isEmpty()) {
      String prefix = metadata.path("generateName").asString("");
      if (prefix.isEmpty()) {
        throw ApiException.invalid(kind, "", "metadata.name: Required value: name or generateName is required");
      }
      if (prefix.length() > MAX_GENERATED_PREFIX) {
        prefix = prefix.substring(0, MAX_GENERATED_PREFIX);
      }
      do {
        name = prefix + randomSuffix();
      } while (objects.get(kind).containsKey(key(kind, namespace, name)));
      metadata.put("name", name);
    }
    Names.requireValid(kind, name);
    if (kind.namespaced()) {
      if (!namespace.equals(metadata.path("namespace").asString(namespace))) {
        throw ApiException.badRequest("the namespace of the provided object does not match the namespace sent on the request");
      }
      if (!objects.get(ResourceKind.NAMESPACES).containsKey(key(ResourceKind.NAMESPACES, null, namespace))) {
        throw ApiException.notFound(ResourceKind.NAMESPACES, namespace);
      }
      metadata.put("namespace", namespace);
    } else {
      metadata.remove("namespace");
    }
    String key = key(kind, namespace, name);
    if (objects.get(kind).containsKey(key)) {
      throw ApiException.alreadyExists(kind, name);
    }
    metadata.put("uid", randomUuid());
    metadata.put("creationTimestamp", timestamp(clock.instant()));
    metadata.remove(List.of("deletionTimestamp", "deletionGracePeriodSeconds"));
    if (kind != ResourceKind.EVENTS) {
      metadata.put("generation", 1);
    }
    return store(ChangeType.ADDED, kind, key, admission.apply(object));
  }

  /**
   * Replaces an object through {@code change} (applied to the current object), honouring an
   * optimistic-concurrency resourceVersion in the result: PUT, PATCH and controller updates.
   */
  synchronized ObjectNode update(ResourceKind kind, String namespace, String name, UnaryOperator<ObjectNode> change) {
    String key = key(kind, namespace, name);
    ObjectNode current = objects.get(kind).get(key);
    if (current == null) {
      throw ApiException.notFound(kind, name);
    }
    ObjectNode updated = change.apply(current.deepCopy());
    ObjectNode metadata = metadata(updated);
    String expected = metadata.path("resourceVersion").asString("");
    if (!expected.isEmpty() && !expected.equals(current.path("metadata").path("resourceVersion").asString(""))) {
      throw ApiException.conflict(kind, name);
    }
    if (!name.equals(metadata.path("name").asString(name))) {
      throw ApiException.badRequest("the name of the object (" + metadata.path("name").asString("")
          + ") does not match the name on the URL (" + name + ")");
    }
    JsonNode currentMetadata = current.path("metadata");
    for (String immutable : List.of("name", "namespace", "uid", "creationTimestamp")) {
      if (currentMetadata.has(immutable)) {
        metadata.set(immutable, currentMetadata.get(immutable));
      } else {
        metadata.remove(immutable);
      }
    }
    updated.put("apiVersion", kind.apiVersion());
    updated.put("kind", kind.kind());
    if (kind != ResourceKind.EVENTS && !updated.path("spec").equals(current.path("spec"))) {
      metadata.put("generation", currentMetadata.path("generation").asLong(1) + 1);
    }
    if (withResourceVersionOf(updated, current).equals(current)) {
      return current; // a no-op update does not bump the resourceVersion, as on a real server
    }
    return store(ChangeType.MODIFIED, kind, key, updated);
  }

  /** Removes an object now (the end of any graceful deletion). */
  synchronized Optional<ObjectNode> remove(ResourceKind kind, String namespace, String name) {
    String key = key(kind, namespace, name);
    ObjectNode current = objects.get(kind).get(key);
    if (current == null) {
      return Optional.empty();
    }
    ObjectNode deleted = current.deepCopy();
    long rv = ++resourceVersion;
    metadata(deleted).put("resourceVersion", Long.toString(rv));
    objects.get(kind).remove(key);
    publish(new Change(ChangeType.DELETED, kind, deleted, null, rv));
    return Optional.of(deleted);
  }

  /**
   * Starts a watch of a kind: returns the changes after {@code fromResourceVersion} still in the
   * history (or synthetic ADDED events for everything when it is {@code null} or 0) and subscribes
   * to later ones; throws 410 Gone when that history has been compacted away.
   */
  synchronized Subscription watch(ResourceKind kind, String namespace, Long fromResourceVersion, Listener live) {
    List<Change> replay = new ArrayList<>();
    if (fromResourceVersion == null || fromResourceVersion == 0) {
      for (ObjectNode object : range(kind, namespace).values()) {
        replay.add(new Change(ChangeType.ADDED, kind, object, null, Long.parseLong(object.path("metadata").path("resourceVersion").asString("0"))));
      }
    } else {
      if (fromResourceVersion < oldestResumable) {
        throw ApiException.gone("too old resource version: " + fromResourceVersion + " (" + oldestResumable + ")");
      }
      for (Change change : history) {
        if (change.resourceVersion() > fromResourceVersion && change.kind() == kind
            && (namespace == null || namespace.equals(change.namespace()))) {
          replay.add(change);
        }
      }
    }
    Listener filtered = change -> {
      if (change.kind() == kind && (namespace == null || namespace.equals(change.namespace()))) {
        live.onChange(change);
      }
    };
    listeners.add(filtered);
    return new Subscription(replay, () -> listeners.remove(filtered));
  }

  /** Forgets the change history, as etcd compaction does: older resourceVersions answer 410 Gone. */
  synchronized void compact() {
    history.clear();
    oldestResumable = resourceVersion;
  }

  private ObjectNode store(ChangeType type, ResourceKind kind, String key, ObjectNode object) {
    long rv = ++resourceVersion;
    metadata(object).put("resourceVersion", Long.toString(rv));
    ObjectNode previous = objects.get(kind).put(key, object);
    publish(new Change(type, kind, object, type == ChangeType.MODIFIED ? previous : null, rv));
    return object;
  }

  private void publish(Change change) {
    history.addLast(change);
    while (history.size() > historyLimit) {
      oldestResumable = history.removeFirst().resourceVersion();
    }
    for (Listener listener : listeners) {
      listener.onChange(change);
    }
  }

  private NavigableMap<String, ObjectNode> range(ResourceKind kind, String namespace) {
    NavigableMap<String, ObjectNode> all = objects.get(kind);
    if (!kind.namespaced() || namespace == null) {
      return all;
    }
    return all.subMap(namespace + "/", true, namespace + "/\uffff", false);
  }

  private static String key(ResourceKind kind, String namespace, String name) {
    return kind.namespaced() ? namespace + "/" + name : name;
  }

  private static ObjectNode withResourceVersionOf(ObjectNode updated, ObjectNode current) {
    ObjectNode copy = updated.deepCopy();
    metadata(copy).set("resourceVersion", current.path("metadata").path("resourceVersion"));
    return copy;
  }

  static ObjectNode metadata(ObjectNode object) {
    JsonNode metadata = object.get("metadata");
    if (metadata instanceof ObjectNode node) {
      return node;
    }
    return object.putObject("metadata");
  }

  private String randomSuffix() {
    StringBuilder suffix = new StringBuilder(5);
    for (int i = 0; i < 5; i++) {
      suffix.append(NAME_ALPHABET.charAt(random.nextInt(NAME_ALPHABET.length())));
    }
    return suffix.toString();
  }

  static String timestamp(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** A version-4 UUID drawn from the store's random source, so seeded tests are reproducible. */
  private String randomUuid() {
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
    return new UUID(high, low).toString();
  }

  /** The opaque {@code continue} token: the list's resourceVersion and the last key returned. */
  record ContinueToken(long resourceVersion, String start) {
    String encode() {
      ObjectNode node = JsonNodeFactory.instance.objectNode();
      node.put("rv", resourceVersion);
      node.put("start", start);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(node.toString().getBytes(StandardCharsets.UTF_8));
    }

    static ContinueToken decode(String token) {
      try {
        JsonNode node = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(token));
        return new ContinueToken(node.path("rv").asLong(0), node.path("start").asString(""));
      } catch (RuntimeException e) {
        throw ApiException.badRequest("continue key is not valid: " + e.getMessage());
      }
    }
  }
}
