package io.kubelauncher.gotemplate.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubelauncher.gotemplate.format.GoFmt;
import io.kubelauncher.gotemplate.function.FunctionException;
import io.kubelauncher.gotemplate.function.TemplateFunction;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;

/** The injection points of exec and groups, and ProcessCommandRunner's environment and directory. */
class HelmFunctionsTest {

    @Test
    void groupsUsesTheInjectedResolver() throws FunctionException {
        Map<String, TemplateFunction> f = HelmFunctions.builder()
                .groupsResolver(user -> {
                    if (user.equals("alice")) {
                        return List.of("staff", "rstudio-users");
                    }
                    throw new FunctionException("groups " + user + ": no such user");
                })
                .build().functions();
        assertThat(GoFmt.formatValue(f.get("groups").call(new Object[] {"alice"}))).isEqualTo("[staff rstudio-users]");
        assertThat(GoFmt.typeName(f.get("groups").call(new Object[] {"alice"}))).isEqualTo("[]string");
        assertThatThrownBy(() -> f.get("groups").call(new Object[] {"bob"})).hasMessage("groups bob: no such user");
        assertThat(f.get("groups").signature().returnsError()).isTrue();
    }

    @Test
    void execUsesTheInjectedRunner() throws FunctionException {
        Map<String, TemplateFunction> f = HelmFunctions.builder()
                .commandRunner((cmd, args) -> new ExecResult(0, null, cmd + " " + String.join(",", args), ""))
                .build().functions();
        ExecResult r = (ExecResult) f.get("exec").call(new Object[] {"id", "-u", "x y"});
        assertThat(r.stdout()).isEqualTo("id -u,x y");
        assertThat(GoFmt.sprintf("%v|%s|%d", r, r, 1)).isEqualTo("id -u,x y|id -u,x y|1");
    }

    @Test
    void processRunnerUsesItsEnvironmentAndWorkingDirectory() throws Exception {
        var executor = Executors.newSingleThreadExecutor();
        try {
            ProcessCommandRunner runner = new ProcessCommandRunner(
                    Map.of("PATH", System.getenv("PATH"), "GREETING", "bonjour"), Path.of("/tmp"), executor);
            ExecResult r = runner.run("sh", List.of("-c", "echo $GREETING; pwd; echo oops >&2; exit 4"));
            assertThat(r.stdout()).isEqualTo("bonjour\n/tmp\n");
            assertThat(r.stderr()).isEqualTo("oops\n");
            assertThat(r.exitCode()).isEqualTo(4);
            assertThat(r.err().message()).isEqualTo("exit status 4");
            ExecResult missing = new ProcessCommandRunner(Map.of("PATH", "/nonexistent"), Path.of("/"), executor)
                    .run("sh", List.of());
            assertThat(missing.exitCode()).isEqualTo(-1);
            assertThat(missing.err().message()).isEqualTo("exec: \"sh\": executable file not found in $PATH");
            assertThat(missing.field("Err")).isSameAs(missing.err());
        } finally {
            executor.shutdownNow();
        }
    }
}
