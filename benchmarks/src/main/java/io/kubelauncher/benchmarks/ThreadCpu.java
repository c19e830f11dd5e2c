package io.kubelauncher.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Where a process's CPU went, by kind of thread, from Linux's {@code /proc/PID/task}: the JIT
 * compilers, the garbage collector and the VM's own threads, and the application's threads. On a
 * machine with few cores the JIT's share decides how long a start-up takes.
 */
final class ThreadCpu {

    /** Linux reports task times in USER_HZ ticks, 100 per second on every mainstream architecture. */
    private static final double TICKS_PER_SECOND = 100.0;

    private ThreadCpu() {
    }

    /** Seconds of CPU by kind ("JIT", "GC and VM", "application"), or an empty map where /proc is missing. */
    static Map<String, Double> byKind(long pid) {
        Map<String, Double> seconds = new TreeMap<>();
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        if (!Files.isDirectory(tasks)) {
            return seconds;
        }
        try (Stream<Path> threads = Files.list(tasks)) {
            threads.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    // the name is in parentheses and may hold spaces: the fields that follow are counted from the last ')'
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(after[11]) + Long.parseLong(after[12]);
                    seconds.merge(kind(name), ticks / TICKS_PER_SECOND, Double::sum);
                } catch (IOException | RuntimeException gone) {
                    // the thread ended between the listing and the read
                }
            });
        } catch (IOException e) {
            return seconds;
        }
        return seconds;
    }

    static String kind(String threadName) {
        String name = threadName.toLowerCase(Locale.ROOT);
        if (name.contains("compilerthre") || name.startsWith("c1 ") || name.startsWith("c2 ")) {
            return "JIT";
        }
        // the main thread keeps the launcher's name, "java": it is the application's
        if (name.startsWith("gc ") || name.startsWith("g1 ") || name.startsWith("vm ") || name.startsWith("service thread") || name.startsWith("monitor deflati") || name.startsWith("sweeper")) {
            return "GC and VM";
        }
        return "application";
    }

    static String describe(Map<String, Double> seconds) {
        if (seconds.isEmpty()) {
            return "no per-thread CPU (no /proc)";
        }
        StringBuilder out = new StringBuilder();
        seconds.forEach((kind, s) -> out.append(out.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%s %.1f s", kind, s)));
        return out.toString();
    }
}
