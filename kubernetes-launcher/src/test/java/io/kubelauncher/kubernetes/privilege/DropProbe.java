package io.kubelauncher.kubernetes.privilege;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * Run in a child JVM started as root by {@link PrivilegeDropTest}: drops to the user named in
 * args[0] and prints what the kernel says about every thread, whether a root-only file (args[1])
 * can still be read, and whether root can be regained.
 */
public final class DropProbe {

    private DropProbe() {
    }

    public static void main(String[] args) throws Exception {
        // A thread that exists before the drop must be dropped too (glibc's setxid broadcast).
        CountDownLatch release = new CountDownLatch(1);
        Thread bystander = new Thread(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "bystander");
        bystander.start();

        LibcIdentity posix = new LibcIdentity();
        PrivilegeDrop.Outcome outcome = new PrivilegeDrop(posix).dropTo(args[0]);
        System.out.println("outcome " + outcome);
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                List<String> status = Files.readAllLines(task.resolve("status"));
                for (String line : status) {
                    if (line.startsWith("Uid:") || line.startsWith("Gid:") || line.startsWith("Groups:")) {
                        System.out.println("task " + line.replaceAll("\\s+", " ").strip());
                    }
                }
            }
        }
        try {
            Files.readString(Path.of(args[1]));
            System.out.println("root-only file: readable");
        } catch (IOException e) {
            System.out.println("root-only file: denied");
        }
        try {
            posix.become(new Account("root", 0, 0, List.of(0)));
            System.out.println("regain root: succeeded");
        } catch (PrivilegeException e) {
            System.out.println("regain root: failed");
        }
        release.countDown();
        bystander.join();
    }
}
