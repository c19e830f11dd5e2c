package io.kubelauncher.gotemplate.helm;

import io.kubelauncher.gotemplate.encoding.JsonMarshaler;
import io.kubelauncher.gotemplate.encoding.JsonStruct;
import io.kubelauncher.gotemplate.function.GoValue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code exec} returns: Go's {@code struct { ExitCode int; Err error; Stdout string; Stderr string }}
 * with a {@code String()} method returning Stdout.
 *
 * @param exitCode 0 on success, the exit status, or -1 when the program could not start or was killed by a signal
 * @param err the Go error, or null (Go's nil) on success
 * @param stdout everything the program wrote to standard output
 * @param stderr everything it wrote to standard error
 */
public record ExecResult(int exitCode, GoError err, String stdout, String stderr) implements GoValue, JsonMarshaler {

    public static final String GO_TYPE = "main.ExecResult";

    public ExecResult {
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
    }

    @Override
    public String goTypeName() {
        return GO_TYPE;
    }

    @Override
    public String goString() {
        return stdout;
    }

    @Override
    public Object field(String name) throws NoSuchFieldException {
        return switch (name) {
            case "ExitCode" -> exitCode;
            case "Err" -> err == null ? NilError.INSTANCE : err;
            case "Stdout" -> stdout;
            case "Stderr" -> stderr;
            default -> throw new NoSuchFieldException(name);
        };
    }

    @Override
    public Object toJsonValue() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("ExitCode", exitCode);
        fields.put("Err", err);
        fields.put("Stdout", stdout);
        fields.put("Stderr", stderr);
        return new JsonStruct(fields);
    }
}
