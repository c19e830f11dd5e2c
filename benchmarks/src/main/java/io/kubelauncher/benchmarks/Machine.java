package io.kubelauncher.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** What the figures were measured on: the machine, the JVM and how busy the machine was. */
record Machine(String cpu, int cores, String memory, String os, String java, Instant at, String loadAverage) {

    static Machine now() {
        return new Machine(firstValue("/proc/cpuinfo", "model name"), Runtime.getRuntime().availableProcessors(),
                firstValue("/proc/meminfo", "MemTotal"), System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                Instant.now().truncatedTo(ChronoUnit.SECONDS), loadAverageNow());
    }

    /** The 1, 5 and 15 minute load averages, e.g. "3.10 2.75 2.40". */
    static String loadAverageNow() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String firstValue(String file, String key) {
        try {
            List<String> lines = Files.readAllLines(Path.of(file));
            for (String line : lines) {
                if (line.startsWith(key)) {
                    return line.substring(line.indexOf(':') + 1).trim().replaceAll("\\s+", " ");
                }
            }
        } catch (IOException e) {
            // not Linux: say so below
        }
        return "unknown";
    }

    String describe() {
        return cpu + ", " + cores + " cores, " + memory + " RAM, " + os + ", " + java;
    }
}
