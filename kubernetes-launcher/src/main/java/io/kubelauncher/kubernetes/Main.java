package io.kubelauncher.kubernetes;

import ch.qos.logback.classic.LoggerContext;
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
import io.kubelauncher.kubernetes.admin.AdminCommands;
import io.kubelauncher.kubernetes.admin.ClassDataArchive;
import io.kubelauncher.kubernetes.admin.CoordinatedReloadPolicy;
import io.kubelauncher.kubernetes.admin.ReloadCoordinator;
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
import io.kubelauncher.kubernetes.config.TokenSource;
import io.kubelauncher.kubernetes.logging.LogSettings;
import io.kubelauncher.kubernetes.logging.LogSetup;
import io.kubelauncher.kubernetes.logging.RequestLoggingJobSource;
import io.kubelauncher.kubernetes.logging.SecretRedactor;
import io.kubelauncher.kubernetes.policy.CachedGroupResolver;
import io.kubelauncher.kubernetes.policy.NameServiceGroups;
import io.kubelauncher.kubernetes.policy.UserPolicy;
import io.kubelauncher.kubernetes.privilege.LibcIdentity;
import io.kubelauncher.kubernetes.privilege.PrivilegeDrop;
import io.kubelauncher.kubernetes.privilege.PrivilegeException;
import io.kubelauncher.kubernetes.privilege.PrivilegedStartup;
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
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * {@code rstudio-kubernetes-launcher}: started by the Job Launcher with its options, it speaks the
 * Launcher Plugin API on stdin/stdout. Admin commands ({@code --generate-templates} and friends)
 * are options of this command that run instead of the plugin.
 */
@Command(name = "rstudio-kubernetes-launcher", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        sortOptions = false, usageHelpWidth = 100,
        description = {"Kubernetes plugin of the RStudio/Posit Job Launcher.",
                "Without a command it is the plugin: started by the Launcher, it speaks the Launcher Plugin API on"
                        + " stdin/stdout. Its options are the Launcher's (--plugin-name, --heartbeat-interval-seconds, ...)"
                        + " and those of launcher.kubernetes.conf as --NAME=VALUE; a value in the config file wins over"
                        + " the command line.",
                "With one of the commands below it does that one thing and exits."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:success (templates valid, no differences, dry run accepted, smoke test passed, archive written)",
                "1:a problem was found or the command failed (the message says what, with file:line)",
                "2:bad command line; --diff-templates: trouble running diff"})
public final class Main implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(Main.class);
    private static final String PLUGIN = "kubernetes";
    private static final String PROGRAM = "rstudio-kubernetes-launcher";

    @Option(names = "--generate-templates", description = "Write job.tpl and service.tpl into the scratch path; an existing file is never overwritten.")
    private boolean generateTemplates;

    @Option(names = "--validate-templates", description = "Render the scratch path's templates for a test job and report every problem as FILE:LINE.")
    private boolean validateTemplates;

    @Option(names = "--verbose", description = "With --validate-templates: also print the rendered YAML.")
    private boolean verbose;

    @Option(names = "--diff-templates", description = "Show diff -u of the scratch path's templates against what --generate-templates writes.")
    private boolean diffTemplates;

    @Option(names = "--scratch-path", paramLabel = "PATH", description = "For the template commands: the scratch path (where the templates live) when"
            + " launcher.kubernetes.conf sets none, e.g. before the plugin is configured.")
    private String scratchPath;

    @Option(names = "--dry-run", paramLabel = "JOB.json", description = "Print the Kubernetes objects the plugin would create for this Launcher job description.")
    private Path dryRunJob;

    @Option(names = "--user", paramLabel = "NAME", description = "With --dry-run: submit as this user (default: the job's user).")
    private String dryRunUser;

    @Option(names = "--server", description = "With --dry-run: also have the API server validate the objects (dryRun=All, strict fields); nothing is created.")
    private boolean dryRunServer;

    @Option(names = "--smoke-test", description = "Check the configured cluster: connection, permissions, a tiny job run to completion and deleted.")
    private boolean smokeTest;

    @Option(names = "--create-cds-archive", description = "Run the plugin once against the configured cluster (Bootstrap and Get Job,"
            + " nothing is created) and keep the classes it loads in " + ClassDataArchive.FILE_NAME + " beside the jar, which"
            + " bin/rstudio-kubernetes-launcher hands to the JVM: later starts take a sixth to a quarter less time."
            + " Run it again after upgrading the plugin or Java.")
    private boolean createCdsArchive;

    @Spec
    private CommandSpec spec;

    @Unmatched
    private List<String> launcherOptions = new ArrayList<>();

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new Main()).setUnmatchedArgumentsAllowed(true).setUnmatchedOptionsArePositionalParams(true);
    }

    @Override
    public Integer call() {
        int commands = count(generateTemplates, validateTemplates, diffTemplates, dryRunJob != null, smokeTest, createCdsArchive);
        if (commands > 1) {
            throw new ParameterException(spec.commandLine(), "give one command at a time: --generate-templates,"
                    + " --validate-templates, --diff-templates, --dry-run, --smoke-test or --create-cds-archive");
        }
        if (verbose && !validateTemplates) {
            throw new ParameterException(spec.commandLine(), "--verbose goes with --validate-templates");
        }
        if ((dryRunUser != null || dryRunServer) && dryRunJob == null) {
            throw new ParameterException(spec.commandLine(), "--user and --server go with --dry-run JOB.json");
        }
        List<String> options = new ArrayList<>(launcherOptions);
        if (scratchPath != null) {
            // Also a standard Launcher option: the option parser applies the config file's precedence.
            options.add("--scratch-path=" + Path.of(scratchPath).toAbsolutePath());
        }
        if (commands == 0) {
            return runPlugin(options);
        }
        return runCommand(options);
    }

    private static int count(boolean... given) {
        int n = 0;
        for (boolean b : given) {
            n += b ? 1 : 0;
        }
        return n;
    }

    // ---- the admin commands -----------------------------------------------------------------

    private int runCommand(List<String> options) {
        SecretRedactor redactor = new SecretRedactor();
        PrintStream out = redactor.redacting(System.out);
        PrintStream err = redactor.redacting(System.err);
        System.setErr(err);
        try {
            return command(options, redactor, out, err);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int command(List<String> options, SecretRedactor redactor, PrintStream out, PrintStream err) {
        ParsedOptions parsed;
        try {
            parsed = parseOptions(options);
        } catch (OptionException e) {
            err.println(PROGRAM + ": " + e.getMessage());
            return 1;
        }
        Optional<KubernetesConfig> config;
        ConfigException configProblem = null;
        try {
            config = Optional.of(readConfig(parsed));
        } catch (ConfigException e) {
            config = Optional.empty();
            configProblem = e;
        }
        configureLogging(new LogSettings(config.map(KubernetesConfig::loggingDir).orElse(Path.of(".")),
                config.map(KubernetesConfig::enableDebugLogging).orElse(false), true), redactor);
        AdminCommands admin = new AdminCommands(out, err, redactor, Clock.systemUTC());
        if (generateTemplates || validateTemplates || diffTemplates) {
            if (configProblem != null && parsed.configFile().isPresent()) {
                // The template commands need only the scratch path; say why the rest is not used.
                err.println(PROGRAM + ": warning: " + redactor.redact(configProblem.getMessage()));
            }
            Path scratch = config.map(KubernetesConfig::scratchPath).orElseGet(() -> KubernetesConfig.scratchPathFrom(parsed));
            if (generateTemplates) {
                return admin.generateTemplates(scratch);
            }
            if (validateTemplates) {
                return admin.validateTemplates(scratch, verbose);
            }
            return admin.diffTemplates(scratch, System.getenv("PATH"));
        }
        if (config.isEmpty()) {
            err.println(PROGRAM + ": " + redactor.redact(configProblem.getMessage()));
            return 1;
        }
        if (createCdsArchive) {
            return createCdsArchive(options, config.get(), out, err);
        }
        if (dryRunJob != null) {
            return admin.dryRun(config.get(), dryRunJob, Optional.ofNullable(dryRunUser), dryRunServer);
        }
        return admin.smokeTest(config.get());
    }

    /** The plugin runs from its jar (the only archivable class path) in a child JVM: see {@link ClassDataArchive}. */
    private static int createCdsArchive(List<String> options, KubernetesConfig config, PrintStream out, PrintStream err) {
        String classPath = System.getProperty("java.class.path", "");
        if (!classPath.endsWith(".jar") || classPath.contains(java.io.File.pathSeparator)) {
            err.println(PROGRAM + ": --create-cds-archive needs the packaged plugin (rstudio-kubernetes-launcher.jar, started by"
                    + " bin/rstudio-kubernetes-launcher); this JVM runs from the class path " + classPath);
            return 1;
        }
        Path jar = Path.of(classPath).toAbsolutePath();
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        return new ClassDataArchive(List.of(java, "-cp", jar.toString(), Main.class.getName()), jar.resolveSibling(ClassDataArchive.FILE_NAME),
                options, config.serverUser(), out, err).create();
    }

    // ---- the plugin ---------------------------------------------------------------------------

    private int runPlugin(List<String> options) {
        StandardStreams stdio = StandardStreams.claim();
        SecretRedactor redactor = new SecretRedactor();
        // Whatever reaches stdout's stand-in or stderr (a JVM stack trace included) is redacted too.
        System.setOut(redactor.redacting(System.out));
        System.setErr(redactor.redacting(System.err));
        // Until the log file can be opened (after the privilege drop), log to stderr.
        configureLogging(new LogSettings(Path.of("."), false, true), redactor);

        ParsedOptions parsed;
        KubernetesConfig config;
        LauncherOptions launcher;
        try {
            parsed = parseOptions(options);
            launcher = LauncherOptions.from(parsed, LauncherOptions.Defaults.forPlugin(PLUGIN));
            config = readConfig(parsed);
        } catch (OptionException | ConfigException e) {
            return startFailed(e.getMessage());
        }
        Clock clock = Clock.systemUTC();
        Supplier<String> token = redactor.registering(config.authToken().open(clock, Duration.ofMinutes(1)));
        PrivilegeDrop.Outcome identity;
        try {
            // Read once while still root: a root-only token file stays usable, and the token is
            // registered with the redactor before anything could log it.
            token.get();
            identity = new PrivilegedStartup(new LibcIdentity()).run(config.serverUser(), config.scratchPath(),
                    config.loggingDir(), tokenFile(config.authToken()));
        } catch (IllegalStateException | PrivilegeException | IOException e) {
            return startFailed(e.getMessage());
        }
        // user.name is fixed when the JVM starts: after the drop it still says root.
        String runningAs = identity == PrivilegeDrop.Outcome.DROPPED ? config.serverUser() : System.getProperty("user.name");
        LogSettings logSettings = new LogSettings(config.loggingDir(), config.enableDebugLogging(), false);
        if (!configureLogging(logSettings, redactor)) {
            return startFailed("cannot write the log file " + logSettings.logFile() + " as " + runningAs);
        }
        log.info("{} started; {}", new Version().getVersion()[0], identity == PrivilegeDrop.Outcome.DROPPED
                ? "running as server-user " + runningAs : "not started as root: running as " + runningAs);
        parsed.warnings().forEach(w -> log.warn("{}", w));
        config.warnings().forEach(w -> log.warn("{}", w));
        config.describe().forEach(line -> log.info("{}", line));

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
                token, config.certificateAuthorityPem(), config.verifySslCerts()), namespace, metrics);

        ProfilePolicy profiles;
        SpecRenderer renderer;
        List<ReloadCoordinator.Step> reloadSteps = new ArrayList<>();
        try {
            profiles = new ProfilePolicy(UserPolicy.load(config.profileConfig(), config.resourcesConfig(),
                    new CachedGroupResolver(new NameServiceGroups(), clock, Duration.ofMinutes(5))));
            reloadSteps.add(ReloadCoordinator.Step.of("profiles", profiles::reload));
            if (config.useTemplating()) {
                TemplateDirectory directory = new TemplateDirectory(config.scratchPath(), TemplateFunctions.launcher());
                directory.writeDefaultsIfMissing().forEach(p -> log.info("wrote default template {}", p));
                TemplateRenderer templates = new TemplateRenderer(directory, mapper, new KubernetesSerialization());
                log.info("{}", templates.initContainersNote());
                reloadSteps.add(ReloadCoordinator.Step.failingWith("templates", templates::reload));
                renderer = templates;
            } else {
                renderer = new BuiltinRenderer(mapper);
            }
        } catch (ConfigException | TemplateLoadException | IOException e) {
            client.close();
            scheduler.shutdownNow();
            log.error("Cannot start: {}", e.getMessage());
            return startFailed(e.getMessage());
        }
        ReloadCoordinator reload = new ReloadCoordinator(reloadSteps);
        ClusterCache cache = new ClusterCache(client, new CacheSettings(namespace, config.fetchLimit(),
                (int) config.watchTimeout().toSeconds(), Duration.ofMinutes(2)), scheduler,
                new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), new SecureRandom()));
        SourceSettings settings = new SourceSettings(namespace, config.launcher().pluginName(),
                config.sharedProcessNamespace(), config.jobExpiry(), config.launchFailureGrace(), config.stopGracePeriod(), Duration.ofSeconds(5),
                config.stdinAnnotation());
        PermissionCheck permissions = new PermissionCheck(client, namespace, !config.stdinAnnotation());
        KubernetesJobSource source = new KubernetesJobSource(client, cache, new CoordinatedReloadPolicy(profiles, reload), renderer, settings, clock, scheduler,
                mapper, permissions::verify, metrics::takeLatencySample);

        PluginRuntime runtime = PluginRuntime.builder(new RequestLoggingJobSource(source, System::nanoTime))
                .options(launcher.runtimeOptions().withThreadPoolSize(config.threadPoolSize()))
                .input(stdio.in()).output(stdio.out()).clock(clock).mapper(mapper).build();
        Signals.install(runtime, reload::reloadAll);
        int code = runtime.run();
        log.info("API requests sent: {}", metrics.counts());
        client.close();
        scheduler.shutdownNow();
        return code;
    }

    /** Stderr is where the Launcher (and whoever started the plugin by hand) sees a start-up failure. */
    private static int startFailed(String message) {
        System.err.println(PROGRAM + ": " + message);
        System.err.flush();
        return 1;
    }

    private static Optional<Path> tokenFile(TokenSource token) {
        return token instanceof TokenSource.File file ? Optional.of(file.path()) : Optional.empty();
    }

    // ---- shared -------------------------------------------------------------------------------

    private static ParsedOptions parseOptions(List<String> options) {
        return new OptionsParser(PLUGIN, KubernetesConfig.pluginOptionNames(), new ConfigFileLocator(System.getenv())).parse(options);
    }

    private static KubernetesConfig readConfig(ParsedOptions parsed) throws ConfigException {
        Path configDir = parsed.configFile().map(Path::toAbsolutePath).map(Path::getParent).orElse(ConfigFileLocator.SYSTEM_CONFIG_DIR);
        return KubernetesConfig.from(parsed, configDir, HostEnvironment.system());
    }

    /** @return false when the log file cannot be opened */
    private static boolean configureLogging(LogSettings settings, SecretRedactor redactor) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return true; // another SLF4J backend on the class path: its own configuration applies
        }
        try {
            LogSetup.configure(context, settings, redactor);
            return true;
        } catch (IOException e) {
            return false;
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
