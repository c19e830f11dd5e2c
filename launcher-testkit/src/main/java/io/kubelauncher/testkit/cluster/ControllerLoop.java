package io.kubelauncher.testkit.cluster;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds every change in the store, in order, to the controllers on their one thread: the job
 * controller, the scheduler, the kubelet and the garbage collector. One thread keeps their state
 * free of locks and their reactions in resourceVersion order, as informers would.
 */
final class ControllerLoop implements ObjectStore.Listener {
  private static final Logger LOG = LoggerFactory.getLogger(ControllerLoop.class);

  private final ScheduledExecutorService thread;
  private final JobController jobs;
  private final Scheduler scheduler;
  private final Kubelet kubelet;
  private final Deletion garbageCollector;

  ControllerLoop(ScheduledExecutorService thread, JobController jobs, Scheduler scheduler, Kubelet kubelet, Deletion garbageCollector) {
    this.thread = thread;
    this.jobs = jobs;
    this.scheduler = scheduler;
    this.kubelet = kubelet;
    this.garbageCollector = garbageCollector;
  }

  void start() {
    thread.scheduleWithFixedDelay(() -> guarded(kubelet::sampleMetrics), 0, 1, TimeUnit.SECONDS);
  }

  @Override
  public void onChange(ObjectStore.Change change) {
    if (!thread.isShutdown()) {
      thread.execute(() -> guarded(() -> handle(change)));
    }
  }

  /** Asks the scheduler to try the waiting pods again (a scenario changed). */
  void reschedule() {
    thread.execute(() -> guarded(scheduler::retryWaiting));
  }

  private void handle(ObjectStore.Change change) {
    boolean removed = change.type() == ObjectStore.ChangeType.DELETED;
    if (change.kind() == ResourceKind.JOBS) {
      if (removed) {
        jobs.jobRemoved(change.object());
      } else {
        jobs.jobChanged(change.object());
      }
    } else if (change.kind() == ResourceKind.PODS) {
      if (removed) {
        kubelet.podRemoved(change.object());
        scheduler.podRemoved(change.object());
        scheduler.retryWaiting();
      } else {
        scheduler.podChanged(change.object());
        kubelet.podChanged(change.object());
        String phase = change.object().path("status").path("phase").asString("");
        if (phase.equals("Succeeded") || phase.equals("Failed")) {
          scheduler.retryWaiting();
        }
      }
      jobs.podChanged(change.object(), removed);
    }
    garbageCollector.onChange(change);
  }

  private static void guarded(Runnable work) {
    try {
      work.run();
    } catch (RuntimeException e) {
      LOG.warn("simulated cluster controller step failed", e);
    }
  }
}
