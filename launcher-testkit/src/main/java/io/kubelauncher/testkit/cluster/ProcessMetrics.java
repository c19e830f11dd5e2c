package io.kubelauncher.testkit.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU and memory of a process tree from /proc, the figures the kubelet's cAdvisor reports:
 * CPU as a rate (nanocores) between two samples, memory as the resident set (the working set).
 */
final class ProcessMetrics {
  /** Clock ticks per second of /proc/[pid]/stat times (USER_HZ, 100 on every Linux this runs on). */
  private static final long TICKS_PER_SECOND = 100;

  /** One sample of a process tree: cumulative CPU time and resident memory. */
  record Sample(long cpuNanos, long memoryBytes, long takenAtNanos) {}

  private volatile Sample previous;
  private volatile long nanocores;
  private volatile long memoryBytes;

  /** Samples the tree rooted at {@code process} and updates the rate since the previous sample. */
  void sample(ProcessHandle process, long nowNanos) {
    long cpu = 0;
    long memory = 0;
    List<ProcessHandle> tree = Stream.concat(Stream.of(process), process.descendants()).toList();
    for (ProcessHandle handle : tree) {
      long[] figures = read(handle.pid());
      cpu += figures[0];
      memory += figures[1];
    }
    Sample current = new Sample(cpu, memory, nowNanos);
    Sample last = previous;
    if (last != null && nowNanos > last.takenAtNanos()) {
      long delta = Math.max(0, cpu - last.cpuNanos());
      nanocores = delta * 1_000_000_000L / (nowNanos - last.takenAtNanos());
    }
    memoryBytes = memory;
    previous = current;
  }

  long nanocores() {
    return nanocores;
  }

  long memoryBytes() {
    return memoryBytes;
  }

  boolean sampled() {
    return previous != null;
  }

  /** {cpu time in ns, resident bytes} of one process, zeros when it is gone. */
  private static long[] read(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // the command name (field 2) may contain spaces: fields are counted after its closing parenthesis
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
      long rssPages = Long.parseLong(fields[21]);
      return new long[] {ticks * (1_000_000_000L / TICKS_PER_SECOND), rssPages * 4096};
    } catch (IOException | RuntimeException e) {
      return new long[] {0, 0};
    }
  }
}
