package io.kubelauncher.kubernetes;

import ch.qos.logback.classic.Level;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.kubelauncher.api.options.ConfigFileLocator;
import io.kubelauncher.api.options.LauncherOptions;
import io.kubelauncher.api.options.OptionException;
import io.kubelauncher.api.options.OptionsParser;
import io.kubelauncher.api.options.ParsedOptions;
import io.kubelauncher.api.runtime.PluginRuntime;
import io.kubelauncher.api.runtime.Signals;
import io.kubelauncher.api.runtime.StandardStreams;
import io.kubelauncher.kubernetes.cache.Backoff;
import io.kubelauncher.kubernetes.cache.CacheSettings;
import io.kubelauncher.kubernetes.cache.ClusterCache;
import io.kubelauncher.kubernetes.cluster.ClusterConnection;
import io.kubelauncher.kubernetes.cluster.KubernetesClients;
import io.kubelauncher.kubernetes.cluster.PermissionCheck;
import io.kubelauncher.kubernetes.cluster.RequestMetrics;
import io.kubelauncher.kubernetes.config.ConfigException;
import io.kubelauncher.kubernetes.config.HostEnvironment;
import io.kubelauncher.kubernetes.config.KubernetesConfig;
import io.kubelauncher.kubernetes.policy.CachedGroupResolver;
import io.kubelauncher.kubernetes.policy.NameServiceGroups;
import io.kubelauncher.kubernetes.policy.UserPolicy;
import io.kubelauncher.kubernetes.render.TemplateDirectory;
import io.kubelauncher.kubernetes.render.TemplateFunctions;
import io.kubelauncher.kubernetes.render.TemplateLoadException;
import io.kubelauncher.kubernetes.source.BuiltinRenderer;
import io.kubelauncher.kubernetes.source.KubernetesJobSource;
import io.kubelauncher.kubernetes.source.ProfilePolicy;
import io.kubelauncher.kubernetes.source.SourceSettings;
import io.kubelauncher.kubernetes.source.SpecRenderer;
import io.kubelauncher.kubernetes.source.TemplateRenderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code rstudio-kubernetes-launcher}: started by the Job Launcher with its options, it speaks the
 * Launcher Plugin API on stdin/stdout. Admin commands ({@code --generate-templates} and friends)
 * are options of this command that run instead of the plugin.
 */
@Command(name = "rstudio-kubernetes-launcher", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Kubernetes plugin of the RStudio/Posit Job Launcher.",
                "Started by the Launcher, it speaks the Launcher Plugin API on stdin/stdout. Options are the Launcher's",
                "(--plugin-name, --heartbeat-interval-seconds, ...) and those of launcher.kubernetes.conf as --NAME=VALUE;",
                "a value in the config file wins over the command line."})
public final class Main implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(Main.class);
    private static final String PLUGIN = "kubernetes";

    @Unmatched
    private List<String> launcherOptions = new ArrayList<>();

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new Main()).setUnmatchedArgumentsAllowed(true).setUnmatchedOptionsArePositionalParams(true);
        System.exit(cli.execute(args));
    }

    @Override
    public Integer call() {
        StandardStreams stdio = StandardStreams.claim();
        ParsedOptions parsed;
        KubernetesConfig config;
        LauncherOptions launcher;
        try {
            parsed = new OptionsParser(PLUGIN, KubernetesConfig.pluginOptionNames(), new ConfigFileLocator(System.getenv())).parse(launcherOptions);
            launcher = LauncherOptions.from(parsed, LauncherOptions.Defaults.forPlugin(PLUGIN));
            Path configDir = parsed.configFile().map(Path::toAbsolutePath).map(Path::getParent).orElse(ConfigFileLocator.SYSTEM_CONFIG_DIR);
            config = KubernetesConfig.from(parsed, configDir, HostEnvironment.system());
        } catch (OptionException | ConfigException e) {
            System.err.println("rstudio-kubernetes-launcher: " + e.getMessage());
            return 1;
        }
        setLogLevel(config.enableDebugLogging());
        parsed.warnings().forEach(w -> log.warn("{}", w));
        config.warnings().forEach(w -> log.warn("{}", w));
        config.describe().forEach(line -> log.info("{}", line));

        Clock clock = Clock.systemUTC();
        AtomicInteger threads = new AtomicInteger();
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(Math.max(2, config.threadPoolSize() / 2), r -> {
            Thread t = new Thread(r, "kubernetes-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        JsonMapper mapper = JsonMapper.builder().build();
        RequestMetrics metrics = new RequestMetrics(clock);
        String namespace = config.kubernetesNamespace();
        KubernetesClient client = KubernetesClients.create(new ClusterConnection(config.apiUrl(),
                config.authToken().open(clock, Duration.ofMinutes(1)), config.certificateAuthorityPem(), config.verifySslCerts()), namespace, metrics);

        UserPolicy policy;
        SpecRenderer renderer;
        TemplateRenderer templates = null;
        try {
            policy = UserPolicy.load(config.profileConfig(), config.resourcesConfig(),
                    new CachedGroupResolver(new NameServiceGroups(), clock, Duration.ofMinutes(5)));
            if (config.useTemplating()) {
                TemplateDirectory directory = new TemplateDirectory(config.scratchPath(), TemplateFunctions.launcher());
                directory.writeDefaultsIfMissing().forEach(p -> log.info("wrote default template {}", p));
                templates = new TemplateRenderer(directory, mapper, new KubernetesSerialization());
                renderer = templates;
            } else {
                renderer = new BuiltinRenderer(mapper);
            }
        } catch (ConfigException | TemplateLoadException | java.io.IOException e) {
            System.err.println("rstudio-kubernetes-launcher: " + e.getMessage());
            client.close();
            return 1;
        }
        ClusterCache cache = new ClusterCache(client, new CacheSettings(namespace, config.fetchLimit(),
                (int) config.watchTimeout().toSeconds(), Duration.ofMinutes(2)), scheduler,
                new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), new SecureRandom()));
        SourceSettings settings = new SourceSettings(namespace, config.launcher().pluginName().isEmpty() ? "Kubernetes" : config.launcher().pluginName(),
                config.sharedProcessNamespace(), config.jobExpiry(), config.launchFailureGrace(), config.stopGracePeriod(), Duration.ofSeconds(5));
        PermissionCheck permissions = new PermissionCheck(client, namespace);
        KubernetesJobSource source = new KubernetesJobSource(client, cache, new ProfilePolicy(policy), renderer, settings, clock, scheduler,
                mapper, permissions::verify, metrics::takeLatencySample);

        PluginRuntime runtime = PluginRuntime.builder(source)
                .options(launcher.runtimeOptions().withThreadPoolSize(config.threadPoolSize()))
                .input(stdio.in()).output(stdio.out()).clock(clock).mapper(mapper).build();
        TemplateRenderer reloadable = templates;
        Signals.install(runtime, () -> {
            policy.reload();
            if (reloadable != null) {
                reloadable.reload();
            }
        });
        int code = runtime.run();
        log.info("API requests sent: {}", metrics.counts());
        client.close();
        scheduler.shutdownNow();
        return code;
    }

    private static void setLogLevel(boolean debug) {
        if (LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(debug ? Level.DEBUG : Level.INFO);
        }
    }

    /** The version of the jar, as Maven wrote it into the manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"rstudio-kubernetes-launcher " + (version == null ? "(development build)" : version)
                    + ", Launcher Plugin API " + PluginRuntime.API_VERSION};
        }
    }
}
