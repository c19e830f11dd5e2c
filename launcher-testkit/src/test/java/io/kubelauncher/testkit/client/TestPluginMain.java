package io.kubelauncher.testkit.client;

import ch.qos.logback.classic.Level;
import io.kubelauncher.api.options.ConfigFileLocator;
import io.kubelauncher.api.options.LauncherOptions;
import io.kubelauncher.api.options.OptionException;
import io.kubelauncher.api.options.OptionKind;
import io.kubelauncher.api.options.OptionsParser;
import io.kubelauncher.api.options.ParsedOptions;
import io.kubelauncher.api.runtime.PluginRuntime;
import io.kubelauncher.api.runtime.Signals;
import io.kubelauncher.api.runtime.StandardStreams;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A plugin executable over {@link InMemoryJobSource}, started by the end-to-end tests as its own JVM. */
public final class TestPluginMain {

    private TestPluginMain() {
    }

    public static void main(String[] args) {
        StandardStreams stdio = StandardStreams.claim();
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        ParsedOptions parsed;
        LauncherOptions options;
        try {
            parsed = new OptionsParser("inmemory", Set.of("test-fail-bootstrap"),
                    new ConfigFileLocator(System.getenv())).parse(List.of(args));
            options = LauncherOptions.from(parsed, LauncherOptions.Defaults.forPlugin("inmemory"));
        } catch (OptionException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
            return;
        }
        parsed.warnings().forEach(w -> System.err.println("warning: " + w));
        boolean failBootstrap = parsed.get("test-fail-bootstrap")
                .flatMap(v -> OptionKind.parseBoolean(v.value())).orElse(false);
        ScheduledExecutorService timer = Executors.newScheduledThreadPool(1, r -> {
            Thread t = new Thread(r, "inmemory-scheduler");
            t.setDaemon(true);
            return t;
        });
        InMemoryJobSource source = new InMemoryJobSource(Clock.systemUTC(), timer, failBootstrap);
        PluginRuntime runtime = PluginRuntime.builder(source).options(options.runtimeOptions())
                .input(stdio.in()).output(stdio.out()).build();
        Signals.install(runtime, () -> System.err.println("reload requested"));
        System.out.println("this line must go to stderr, never to the protocol stream");
        System.exit(runtime.run());
    }
}
