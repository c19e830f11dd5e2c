package io.kubelauncher.testkit.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * End-to-end throughput of the simulated cluster over HTTPS with the Fabric8 client: Jobs created
 * per second (each gets a pod the scheduler leaves Pending, with a FailedScheduling event), a
 * paged list of all of them, and watch events delivered per second. Off by default; run with
 * {@code mvn -B -q -o -pl launcher-testkit -am test -Dtest=SimulatedClusterBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dsimcluster.benchmark=true}
 * ({@code -Dsimcluster.benchmark.jobs=N} to change the count, 10,000 by default).
 */
@EnabledIfSystemProperty(named = "simcluster.benchmark", matches = "true")
class SimulatedClusterBenchmark {

  @Test
  void createListAndWatchJobs() throws Exception {
    int jobs = Integer.getInteger("simcluster.benchmark.jobs", 10_000);
    int threads = 8;
    try (SimulatedCluster cluster = SimulatedCluster.builder().nodes(3).start()) {
      KubernetesClient client = cluster.client();
      AtomicLong watched = new AtomicLong();
      String startRv = client.batch().v1().jobs().list().getMetadata().getResourceVersion();
      Watch live = client.batch().v1().jobs().watch(new ListOptionsBuilder().withResourceVersion(startRv).build(), counting(watched));
      long start = System.nanoTime();
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int offset = t;
        futures.add(pool.submit(() -> {
          for (int i = offset; i < jobs; i += threads) {
            Job job = TestJobs.withCpuRequest(TestJobs.shell("bench-", "true").build(), "1000");
            client.batch().v1().jobs().resource(job).create();
          }
        }));
      }
      for (Future<?> future : futures) {
        future.get();
      }
      pool.shutdown();
      double createSeconds = seconds(start);
      long listStart = System.nanoTime();
      int listed = 0;
      String token = null;
      do {
        JobList page = client.batch().v1().jobs().list(new ListOptionsBuilder().withLimit(500L).withContinue(token).build());
        listed += page.getItems().size();
        token = page.getMetadata().getContinue();
      } while (token != null && !token.isEmpty());
      double listSeconds = seconds(listStart);
      double total = seconds(start);
      Awaitility.await().atMost(Duration.ofMinutes(2)).until(() -> client.pods().withField("status.phase", "Pending").list().getItems().size() == jobs);
      double settled = seconds(start);
      live.close();

      // replay: a watch from the first resourceVersion receives every change to every job
      long changes = watched.get();
      AtomicLong replayed = new AtomicLong();
      long replayStart = System.nanoTime();
      try (Watch replay = client.batch().v1().jobs().watch(new ListOptionsBuilder().withResourceVersion(startRv).build(), counting(replayed))) {
        Awaitility.await().atMost(Duration.ofMinutes(2)).until(() -> replayed.get() >= changes);
      }
      double replaySeconds = seconds(replayStart);

      System.out.printf("SimulatedCluster benchmark: %d jobs, %d client threads%n", jobs, threads);
      System.out.printf("  create: %.1f s (%.0f jobs/s)%n", createSeconds, jobs / createSeconds);
      System.out.printf("  paged list (500 per page): %d jobs in %.2f s%n", listed, listSeconds);
      System.out.printf("  created + listed: %.1f s (target < 30 s)%n", total);
      System.out.printf("  all %d pods Pending (FailedScheduling) after %.1f s%n", jobs, settled);
      System.out.printf("  live watch: %d job events during the run (%.0f events/s)%n", changes, changes / settled);
      System.out.printf("  watch replay from the first resourceVersion: %d events in %.2f s (%.0f events/s)%n",
          replayed.get(), replaySeconds, replayed.get() / replaySeconds);
      assertThat(listed).isEqualTo(jobs);
    }
  }

  private static Watcher<Job> counting(AtomicLong counter) {
    return new Watcher<>() {
      @Override
      public void eventReceived(Action action, Job resource) {
        counter.incrementAndGet();
      }

      @Override
      public void onClose(WatcherException cause) {
      }
    };
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
