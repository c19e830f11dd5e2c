package io.kubelauncher.testkit.cluster;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Faults and conditions a test switches on at runtime. Every switch takes effect for the next
 * request, watch or scheduling decision; {@link #reset()} turns them all off.
 */
public final class Scenarios {

  private final Set<String> failingImages = ConcurrentHashMap.newKeySet();
  private final Set<String> deniedPermissions = ConcurrentHashMap.newKeySet();
  private volatile Duration schedulingDelay = Duration.ZERO;
  private volatile double errorRate;
  private volatile Duration watchDropInterval = Duration.ZERO;
  private volatile Duration latency = Duration.ZERO;
  private final Runnable compaction;
  private final Runnable restart;
  private final Runnable rescheduling;

  Scenarios(Runnable compaction, Runnable restart, Runnable rescheduling) {
    this.compaction = compaction;
    this.restart = restart;
    this.rescheduling = rescheduling;
  }

  /** Pulls of this image fail: the container waits in ErrImagePull, then ImagePullBackOff, with Events. */
  public Scenarios failImagePulls(String image) {
    failingImages.add(Objects.requireNonNull(image, "image"));
    return this;
  }

  /** Pulls of this image succeed again (pods waiting on it start on their next retry). */
  public Scenarios allowImagePulls(String image) {
    failingImages.remove(image);
    rescheduling.run();
    return this;
  }

  /** The scheduler waits this long before binding each pod. */
  public Scenarios delayScheduling(Duration delay) {
    schedulingDelay = requireNonNegative(delay, "delay");
    return this;
  }

  /** This fraction (0 to 1) of API requests are answered 500 InternalError. */
  public Scenarios failRequests(double fraction) {
    if (!(fraction >= 0 && fraction <= 1)) {
      throw new IllegalArgumentException("fraction must be between 0 and 1, was " + fraction);
    }
    errorRate = fraction;
    return this;
  }

  /** Every watch connection is cut this long after it opens ({@link Duration#ZERO}: never). */
  public Scenarios dropWatchesEvery(Duration interval) {
    watchDropInterval = requireNonNegative(interval, "interval");
    return this;
  }

  /** Each request is answered this much later. */
  public Scenarios addLatency(Duration extra) {
    latency = requireNonNegative(extra, "extra");
    return this;
  }

  /**
   * Denies a permission, as RBAC would: the SelfSubjectAccessReview answers {@code allowed: false}
   * and the requests themselves get 403 Forbidden. {@code resource} is the plural, with the
   * subresource after a slash ({@code pods/log}); {@code "*"} matches every verb or resource.
   */
  public Scenarios deny(String verb, String resource) {
    deniedPermissions.add(verb + " " + resource);
    return this;
  }

  /** Compacts the change history: a watch or a continue token from an older resourceVersion gets 410 Gone. */
  public Scenarios expireResourceVersions() {
    compaction.run();
    return this;
  }

  /** Restarts the API server: every connection is cut, the state is kept, the port stays the same. */
  public Scenarios restartApiServer() {
    restart.run();
    return this;
  }

  /** Turns every switch off. */
  public Scenarios reset() {
    failingImages.clear();
    deniedPermissions.clear();
    schedulingDelay = Duration.ZERO;
    errorRate = 0;
    watchDropInterval = Duration.ZERO;
    latency = Duration.ZERO;
    rescheduling.run();
    return this;
  }

  boolean imagePullFails(String image) {
    return failingImages.contains(image);
  }

  boolean denied(String verb, String resource) {
    return deniedPermissions.contains(verb + " " + resource)
        || deniedPermissions.contains("* " + resource)
        || deniedPermissions.contains(verb + " *")
        || deniedPermissions.contains("* *");
  }

  Duration schedulingDelay() {
    return schedulingDelay;
  }

  double errorRate() {
    return errorRate;
  }

  Duration watchDropInterval() {
    return watchDropInterval;
  }

  Duration latency() {
    return latency;
  }

  private static Duration requireNonNegative(Duration duration, String name) {
    if (duration == null || duration.isNegative()) {
      throw new IllegalArgumentException(name + " must be zero or positive, was " + duration);
    }
    return duration;
  }
}
