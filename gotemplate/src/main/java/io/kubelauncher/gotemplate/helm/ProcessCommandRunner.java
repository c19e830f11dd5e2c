package io.kubelauncher.gotemplate.helm;

import io.kubelauncher.gotemplate.encoding.JsonStruct;
import io.kubelauncher.gotemplate.function.FunctionException;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs commands as Go's {@code os/exec} does for the oracle: {@code PATH} lookup for bare names,
 * no shell, stdin from /dev/null, the given environment and working directory, and Go's error
 * texts ({@code exit status 3}, {@code signal: killed},
 * {@code exec: "x": executable file not found in $PATH}, {@code fork/exec /p: permission denied}).
 *
 * <p>Java reports a death by signal N as exit status 128+N, so a program that itself exits with
 * 129..159 is reported as killed by a signal (Go would say {@code exit status N}).
 */
public final class ProcessCommandRunner implements CommandRunner {

    private static final Pattern ERRNO = Pattern.compile("error=(\\d+), ");
    private static final Map<Integer, String> ERRNO_TEXT = Map.of(1, "operation not permitted", 2,
            "no such file or directory", 7, "argument list too long", 8, "exec format error", 12,
            "cannot allocate memory", 13, "permission denied", 20, "not a directory", 21, "is a directory", 26,
            "text file busy", 40, "too many levels of symbolic links");
    private static final String[] SIGNALS = {null, "hangup", "interrupt", "quit", "illegal instruction",
        "trace/breakpoint trap", "aborted", "bus error", "floating point exception", "killed",
        "user defined signal 1", "segmentation fault", "user defined signal 2", "broken pipe", "alarm clock",
        "terminated", "stack fault", "child exited", "continued", "stopped (signal)", "stopped",
        "stopped (tty input)", "stopped (tty output)", "urgent I/O condition", "CPU time limit exceeded",
        "file size limit exceeded", "virtual timer expired", "profiling timer expired", "window changed",
        "I/O possible", "power failure", "bad system call"};

    private final Map<String, String> environment;
    private final Path workingDirectory;
    private final Executor stderrPump;

    /**
     * @param environment the child's complete environment (also where {@code PATH} is looked up)
     * @param workingDirectory the child's working directory
     * @param stderrPump runs the reader of the child's standard error while stdout is read
     */
    public ProcessCommandRunner(Map<String, String> environment, Path workingDirectory, Executor stderrPump) {
        this.environment = Map.copyOf(environment);
        this.workingDirectory = Objects.requireNonNull(workingDirectory, "workingDirectory");
        this.stderrPump = Objects.requireNonNull(stderrPump, "stderrPump");
    }

    /** This JVM's environment and working directory, like the oracle. */
    public static ProcessCommandRunner inheritingProcess() {
        return new ProcessCommandRunner(System.getenv(), Path.of("").toAbsolutePath(), task -> {
            Thread t = new Thread(task, "exec-stderr");
            t.setDaemon(true);
            t.start();
        });
    }

    @Override
    public ExecResult run(String command, List<String> args) {
        String program = command;
        if (!command.contains("/")) {
            program = lookPath(command);
            if (program == null) {
                return new ExecResult(-1, new GoError("*exec.Error",
                        "exec: \"" + command + "\": executable file not found in $PATH",
                        struct("Name", command, "Err", new JsonStruct(Map.of()))), "", "");
            }
        }
        List<String> argv = new ArrayList<>(args.size() + 1);
        // Go passes the name as given as argv[0]; Java cannot set argv[0] apart from the program,
        // so let it search PATH itself when its PATH is ours (the usual case).
        boolean samePath = Objects.equals(environment.get("PATH"), System.getenv("PATH"));
        argv.add(!command.contains("/") && samePath ? command : program);
        argv.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(argv)
                .directory(workingDirectory.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().clear();
        pb.environment().putAll(environment);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            Matcher m = ERRNO.matcher(String.valueOf(e.getMessage()));
            int errno = m.find() ? Integer.parseInt(m.group(1)) : 0;
            String text = ERRNO_TEXT.getOrDefault(errno, "errno " + errno);
            return new ExecResult(-1, new GoError("*fs.PathError", "fork/exec " + program + ": " + text,
                    struct("Op", "fork/exec", "Path", program, "Err", errno)), "", "");
        }
        CompletableFuture<byte[]> stderr = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()), stderrPump);
        byte[] out = readAll(p.getInputStream());
        int status;
        byte[] err;
        try {
            status = p.waitFor();
            err = stderr.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IllegalStateException("interrupted while running " + command, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("reading the standard error of " + command, e.getCause());
        }
        String stdout = new String(out, StandardCharsets.UTF_8);
        String stderrText = new String(err, StandardCharsets.UTF_8);
        if (status == 0) {
            return new ExecResult(0, null, stdout, stderrText);
        }
        GoError exitError;
        int exitCode = status;
        if (status > 128 && status - 128 < SIGNALS.length) {
            exitCode = -1;
            exitError = new GoError("*exec.ExitError", "signal: " + SIGNALS[status - 128], struct("Stderr", null));
        } else {
            exitError = new GoError("*exec.ExitError", "exit status " + status, struct("Stderr", null));
        }
        return new ExecResult(exitCode, exitError, stdout, stderrText);
    }

    /** A resolver running {@code groups USER} with {@code LC_ALL=C}, as the oracle does. */
    public GroupsResolver groupsResolver() {
        Map<String, String> env = new HashMap<>(environment);
        env.put("LC_ALL", "C");
        ProcessCommandRunner withCLocale = new ProcessCommandRunner(env, workingDirectory, stderrPump);
        return user -> {
            ExecResult r = withCLocale.run("groups", List.of(user));
            if (r.err() != null) {
                String msg = r.stderr().strip();
                throw new FunctionException("groups " + user + ": " + r.err().message() + (msg.isEmpty() ? "" : ": " + msg));
            }
            String out = r.stdout();
            int i = out.indexOf(" : ");
            if (i >= 0) {
                out = out.substring(i + 3);
            }
            List<String> groups = new ArrayList<>();
            for (String g : out.split("[\\s\\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000]+")) {
                if (!g.isEmpty()) {
                    groups.add(g);
                }
            }
            return groups;
        };
    }

    private String lookPath(String file) {
        String path = environment.getOrDefault("PATH", "");
        for (String dir : path.split(":", -1)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir).resolve(file);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return dir.isEmpty() ? "./" + file : candidate.toString();
            }
        }
        return null;
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonStruct struct(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return new JsonStruct(m);
    }
}
