package io.kubelauncher.gotemplate.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs the CLI in-process and captures what it writes, as bytes. */
record CliRun(int status, byte[] stdout, byte[] stderr) {

    private static final Pattern UNDEFINED_FUNCTION = Pattern.compile("function \"([^\"]+)\" not defined");

    static CliRun of(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = Main.run(args, o, e);
        }
        return new CliRun(status, out.toByteArray(), err.toByteArray());
    }

    String stdoutText() {
        return new String(stdout, StandardCharsets.UTF_8);
    }

    String stderrText() {
        return new String(stderr, StandardCharsets.UTF_8);
    }

    /** The function this run reported as undefined, or null. */
    String undefinedFunction() {
        Matcher m = UNDEFINED_FUNCTION.matcher(stderrText());
        return m.find() ? m.group(1) : null;
    }

    static Path testdata() {
        return Path.of(System.getProperty("kubelauncher.testdata", "../testdata"));
    }
}
