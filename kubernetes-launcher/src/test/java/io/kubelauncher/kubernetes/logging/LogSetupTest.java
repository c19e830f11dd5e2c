package io.kubelauncher.kubernetes.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;

class LogSetupTest {

    private static final String TOKEN = "kJ8sd0-the-service-account-token-9f8a7";

    @TempDir
    Path logDir;

    private final LoggerContext context = new LoggerContext();

    {
        // The global context gets its MDC adapter from the SLF4J provider; a private one needs its own.
        context.setMDCAdapter(new LogbackMDCAdapter());
    }
    private final SecretRedactor redactor = new SecretRedactor();

    @AfterEach
    void stop() {
        context.stop();
    }

    @Test
    void logFileIsNamedAsTheVendorsAndHonoursTheDebugSetting() throws IOException {
        LogSetup.configure(context, new LogSettings(logDir, false, false), redactor);
        Logger log = context.getLogger("io.kubelauncher.kubernetes.Test");
        log.info("plugin started");
        log.debug("a debug detail");
        String text = Files.readString(logDir.resolve("rstudio-kubernetes-launcher.log"));
        assertThat(text).contains("INFO ", "plugin started").doesNotContain("a debug detail");

        LogSetup.configure(context, new LogSettings(logDir, true, false), redactor);
        context.getLogger("io.kubelauncher.kubernetes.Test").debug("now visible");
        assertThat(Files.readString(logDir.resolve("rstudio-kubernetes-launcher.log"))).contains("DEBUG", "now visible");
    }

    /** The log scan: every way a token can reach a logging call, and none reaches the file. */
    @Test
    void noTokenIsEverWrittenToTheLog() throws IOException {
        redactor.register(TOKEN);
        LogSetup.configure(context, new LogSettings(logDir, true, false), redactor);
        Logger log = context.getLogger("io.kubelauncher.kubernetes.cluster.Client");
        log.debug("connecting with token " + TOKEN);
        log.info("header Authorization: Bearer {}", TOKEN);
        log.warn("request failed", new IllegalStateException("401 for token " + TOKEN,
                new IOException("cause mentions " + TOKEN)));
        context.getLogger("x").error("as an argument list {}", Stream.of(TOKEN).toList());
        log.info("unregistered JWT eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJqb2IifQ.c2lnbmF0dXJl");

        String text = Files.readString(logDir.resolve("rstudio-kubernetes-launcher.log"));
        assertThat(text).doesNotContain(TOKEN).doesNotContain("eyJzdWIiOiJqb2IifQ")
                .contains("connecting with token [REDACTED]", "401 for token [REDACTED]",
                        "cause mentions [REDACTED]", "unregistered JWT [REDACTED]");
        // the stack trace is in the file (redacted), not dropped
        assertThat(text).contains("java.lang.IllegalStateException", "at io.kubelauncher");
    }

    /** What the plugin logs before it can open its file (as root, before the drop) ends up in the file. */
    @Test
    void theLogFileStartsWithWhatWasLoggedToStderrBeforeIt() throws IOException {
        redactor.register(TOKEN);
        LogSetup.configure(context, new LogSettings(logDir, false, true), redactor);
        Logger log = context.getLogger("io.kubelauncher.kubernetes.privilege.PrivilegedStartup");
        log.warn("The auth token file is readable by every user on this machine");
        log.info("read token " + TOKEN);
        log.debug("not at debug level");

        LogSetup.configure(context, new LogSettings(logDir, false, false), redactor);
        log.info("serving");
        LogSetup.configure(context, new LogSettings(logDir, false, false), redactor);
        log.info("reconfigured");

        List<String> lines = Files.readAllLines(logDir.resolve("rstudio-kubernetes-launcher.log"));
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).contains("WARN", "readable by every user on this machine");
        assertThat(lines.get(1)).endsWith("read token [REDACTED]");
        assertThat(lines.get(2)).endsWith("serving");
        assertThat(lines.get(3)).as("replayed once only").endsWith("reconfigured");
    }

    @Test
    void theLogFileIsRotated() throws IOException {
        LogSetup.configure(context, new LogSettings(logDir, false, false, 2_000, 2), redactor);
        Logger log = context.getLogger("io.kubelauncher.kubernetes.Test");
        for (int k = 0; k < 200; k++) {
            log.info("line {} of a long log that must be rotated", k);
        }
        assertThat(logDir.resolve("rstudio-kubernetes-launcher.1.log")).exists();
        assertThat(logDir.resolve("rstudio-kubernetes-launcher.2.log")).exists();
        assertThat(logDir.resolve("rstudio-kubernetes-launcher.3.log")).doesNotExist();
        assertThat(Files.size(logDir.resolve("rstudio-kubernetes-launcher.log"))).isLessThan(4_000);
    }
}
