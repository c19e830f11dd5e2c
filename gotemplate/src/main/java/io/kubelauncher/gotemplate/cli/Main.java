package io.kubelauncher.gotemplate.cli;

import io.kubelauncher.gotemplate.GoJson;
import io.kubelauncher.gotemplate.RenderOptions;
import io.kubelauncher.gotemplate.TemplateException;
import io.kubelauncher.gotemplate.TemplateSet;
import io.kubelauncher.gotemplate.exec.MissingKey;
import io.kubelauncher.gotemplate.exec.RenderLimits;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code gotemplate [--strict] [--missingkey=MODE] [--partial] [--bench N] TEMPLATE_DIR NAME DATA_JSON}:
 * renders like {@code gotemplate-oracle} (same output, messages and exit codes: 0 rendered, 1 error, 2 usage).
 */
public final class Main {

    private static final String USAGE =
            "usage: gotemplate [--strict] [--missingkey=zero] [--partial] [--bench N] TEMPLATE_DIR NAME DATA_JSON\n";

    /** Go's depth limits need a deeper stack than a default thread has. */
    private static final long STACK_BYTES = 1L << 30;

    private final PrintStream stdout;
    private final PrintStream stderr;
    private final Map<String, io.kubelauncher.gotemplate.function.TemplateFunction> functions;

    Main(PrintStream stdout, PrintStream stderr, Map<String, io.kubelauncher.gotemplate.function.TemplateFunction> functions) {
        this.stdout = stdout;
        this.stderr = stderr;
        this.functions = functions;
    }

    public static void main(String[] args) throws InterruptedException {
        int[] status = new int[1];
        Thread worker = new Thread(null, () -> status[0] = new Main(System.out, System.err, CliFunctions.create()).run(args),
                "gotemplate", STACK_BYTES);
        worker.start();
        worker.join();
        System.out.flush();
        System.exit(status[0]);
    }

    /**
     * Runs the command with the CLI's functions, writing to the given streams (for embedding and tests).
     *
     * @return the exit status: 0 rendered, 1 error, 2 usage
     */
    public static int run(String[] args, PrintStream stdout, PrintStream stderr) {
        return new Main(stdout, stderr, CliFunctions.create()).run(args);
    }

    /** The names of the functions the CLI's templates may call, besides Go's builtins. */
    public static java.util.Set<String> functionNames() {
        return CliFunctions.create().keySet();
    }

    /** Parsed command line. */
    private record Options(boolean strict, String missingKey, boolean partial, int bench, List<String> positional) {
    }

    int run(String[] args) {
        Options options;
        try {
            options = parseArgs(args);
        } catch (UsageException e) {
            if (!e.getMessage().isEmpty()) {
                stderr.println(e.getMessage());
            }
            stderr.print(USAGE);
            return 2;
        }
        if (options == null) {
            stdout.println("gotemplate (Java) for Go text/template 1.23 + Sprig 3.2.3");
            return 0;
        }
        MissingKey missingKey = options.strict() ? MissingKey.ERROR : MissingKey.DEFAULT;
        if (options.missingKey() != null) {
            try {
                missingKey = MissingKey.parse(options.missingKey());
            } catch (IllegalArgumentException e) {
                stderr.println("--missingkey: want default, invalid, zero or error, got \"" + options.missingKey() + "\"");
                return 2;
            }
        }
        Path dir = Path.of(options.positional().get(0));
        String name = options.positional().get(1);
        Path dataPath = Path.of(options.positional().get(2));

        Map<String, Object> data;
        try {
            data = GoJson.readObject(Files.readAllBytes(dataPath));
        } catch (NoSuchFileException e) {
            return fail("data: open " + dataPath + ": no such file or directory");
        } catch (IOException e) {
            return fail("data: " + e.getMessage());
        } catch (GoJson.JsonException e) {
            return fail("data: " + dataPath + ": " + e.getMessage());
        }

        TemplateSet set;
        try {
            set = TemplateSet.loadDirectory(dir, functions);
        } catch (IOException e) {
            return fail("templates: " + e.getMessage());
        } catch (TemplateException e) {
            return fail(e.getMessage());
        }
        RenderOptions renderOptions = new RenderOptions(missingKey, RenderLimits.DEFAULT);
        if (options.bench() > 0) {
            return bench(set, name, data, renderOptions, options.bench());
        }
        StringBuilder out = new StringBuilder(8192);
        try {
            set.render(name, data, renderOptions, out);
        } catch (TemplateException e) {
            if (options.partial()) {
                write(out);
            }
            return fail(e.getMessage());
        }
        write(out);
        return 0;
    }

    private void write(StringBuilder out) {
        byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
        stdout.write(bytes, 0, bytes.length);
        stdout.flush();
    }

    private int fail(String message) {
        stderr.print(message + "\n");
        stderr.flush();
        return 1;
    }

    /** Renders n times after n/10+1 warm-up renders; prints the mean like the oracle (parse excluded). */
    private int bench(TemplateSet set, String name, Object data, RenderOptions options, int n) {
        StringBuilder out = new StringBuilder(8192);
        try {
            for (int i = 0; i < n / 10 + 1; i++) {
                out.setLength(0);
                set.render(name, data, options, out);
            }
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                out.setLength(0);
                set.render(name, data, options, out);
            }
            long elapsed = System.nanoTime() - start;
            int bytes = out.toString().getBytes(StandardCharsets.UTF_8).length;
            stdout.println("renders=" + n + " ns_per_render=" + elapsed / n + " bytes=" + bytes);
            return 0;
        } catch (TemplateException e) {
            return fail(e.getMessage());
        }
    }

    private static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message, null, false, false);
        }
    }

    /** Go's {@code flag} rules: flags ({@code -x} or {@code --x}) before the positional arguments. */
    private static Options parseArgs(String[] args) throws UsageException {
        boolean strict = false;
        boolean partial = false;
        boolean version = false;
        String missingKey = null;
        int bench = 0;
        int i = 0;
        for (; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--")) {
                i++;
                break;
            }
            if (!a.startsWith("-") || a.equals("-")) {
                break;
            }
            String flag = a.startsWith("--") ? a.substring(2) : a.substring(1);
            String value = null;
            int eq = flag.indexOf('=');
            if (eq >= 0) {
                value = flag.substring(eq + 1);
                flag = flag.substring(0, eq);
            }
            switch (flag) {
                case "strict":
                    strict = parseBool(flag, value);
                    break;
                case "partial":
                    partial = parseBool(flag, value);
                    break;
                case "version":
                    version = parseBool(flag, value);
                    break;
                case "missingkey":
                    if (value == null) {
                        if (++i >= args.length) {
                            throw new UsageException("flag needs an argument: -missingkey");
                        }
                        value = args[i];
                    }
                    missingKey = value;
                    break;
                case "bench":
                    if (value == null) {
                        if (++i >= args.length) {
                            throw new UsageException("flag needs an argument: -bench");
                        }
                        value = args[i];
                    }
                    try {
                        bench = Integer.parseInt(value);
                    } catch (NumberFormatException e) {
                        throw new UsageException("invalid value \"" + value + "\" for flag -bench: parse error");
                    }
                    break;
                case "h":
                case "help":
                    throw new UsageException("");
                default:
                    throw new UsageException("flag provided but not defined: -" + flag);
            }
        }
        if (version) {
            return null;
        }
        List<String> positional = new ArrayList<>();
        for (; i < args.length; i++) {
            positional.add(args[i]);
        }
        if (positional.size() != 3) {
            throw new UsageException("");
        }
        return new Options(strict, missingKey, partial, bench, positional);
    }

    private static boolean parseBool(String flag, String value) throws UsageException {
        if (value == null) {
            return true;
        }
        switch (value) {
            case "1": case "t": case "T": case "true": case "TRUE": case "True":
                return true;
            case "0": case "f": case "F": case "false": case "FALSE": case "False":
                return false;
            default:
                throw new UsageException("invalid boolean value \"" + value + "\" for -" + flag + ": parse error");
        }
    }
}
