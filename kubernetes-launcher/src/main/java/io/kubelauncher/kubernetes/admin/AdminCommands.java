package io.kubelauncher.kubernetes.admin;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.kubelauncher.api.model.WireJson;
import io.kubelauncher.gotemplate.RenderOptions;
import io.kubelauncher.kubernetes.cluster.ClusterConnection;
import io.kubelauncher.kubernetes.cluster.KubernetesClients;
import io.kubelauncher.kubernetes.cluster.RequestMetrics;
import io.kubelauncher.kubernetes.config.ConfigException;
import io.kubelauncher.kubernetes.config.KubernetesConfig;
import io.kubelauncher.kubernetes.logging.SecretRedactor;
import io.kubelauncher.kubernetes.policy.CachedGroupResolver;
import io.kubelauncher.kubernetes.policy.NameServiceGroups;
import io.kubelauncher.kubernetes.policy.UserPolicy;
import io.kubelauncher.kubernetes.render.TemplateDirectory;
import io.kubelauncher.kubernetes.render.TemplateFunctions;
import io.kubelauncher.kubernetes.render.TemplateLoadException;
import io.kubelauncher.kubernetes.source.BuiltinRenderer;
import io.kubelauncher.kubernetes.source.ProfilePolicy;
import io.kubelauncher.kubernetes.source.SpecRenderer;
import io.kubelauncher.kubernetes.source.TemplateRenderer;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The administrator commands, assembled from the plugin's configuration: what the plugin's main
 * calls for {@code --generate-templates}, {@code --validate-templates}, {@code --diff-templates},
 * {@code --dry-run} and {@code --smoke-test}. Each method prints to the streams given at
 * construction and returns the process's exit status.
 */
public final class AdminCommands {

    /** How long the smoke test's job may take, image pull included. */
    static final Duration SMOKE_TIMEOUT = Duration.ofMinutes(5);
    static final Duration SMOKE_PROGRESS = Duration.ofSeconds(5);

    private final PrintStream out;
    private final PrintStream err;
    private final SecretRedactor redactor;
    private final Clock clock;

    public AdminCommands(PrintStream out, PrintStream err, SecretRedactor redactor, Clock clock) {
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
        this.redactor = Objects.requireNonNull(redactor, "redactor");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** {@code --generate-templates [--scratch-path PATH]}. */
    public int generateTemplates(Path scratchPath) {
        return new TemplateGenerator().run(scratchPath, out, err);
    }

    /** {@code --validate-templates [--verbose] [--scratch-path PATH]}. */
    public int validateTemplates(Path scratchPath, boolean verbose) {
        // The same functions and render options as the plugin's TemplateRenderer.
        GoTemplateRenderer renderer = new GoTemplateRenderer(TemplateFunctions.launcher(), RenderOptions.DEFAULT);
        return new TemplateValidator(renderer).run(scratchPath, verbose, out, err);
    }

    /** {@code --diff-templates [--scratch-path PATH]}. */
    public int diffTemplates(Path scratchPath, String searchPath) {
        return new TemplateDiff(DefaultTemplates.texts(), searchPath).run(scratchPath, out, err);
    }

    /** {@code --dry-run JOB.json [--user NAME] [--server]}. */
    public int dryRun(KubernetesConfig config, Path jobFile, Optional<String> user, boolean server) {
        DryRun.Planner planner;
        try {
            planner = planner(config);
        } catch (ConfigException | TemplateLoadException e) {
            err.println(redactor.redact(e.getMessage()));
            return 1;
        }
        if (!server) {
            return new DryRun(planner, Optional.empty()).run(jobFile, user, out, err);
        }
        try (KubernetesClient client = client(config)) {
            return new DryRun(planner, Optional.of(new ServerDryRun(client, config.kubernetesNamespace())))
                    .run(jobFile, user, out, err);
        }
    }

    /** {@code --smoke-test}: the test job runs as the server-user's profile allows. */
    public int smokeTest(KubernetesConfig config) {
        SmokeTest.JobFactory job;
        try {
            job = SmokeTest.plannedJob(planner(config), config.serverUser());
        } catch (ConfigException | TemplateLoadException e) {
            // Connection and permissions are still worth checking; the job step reports this.
            String why = redactor.redact(e.getMessage());
            job = marker -> {
                throw new IllegalStateException(why);
            };
        }
        try (KubernetesClient client = client(config)) {
            return new SmokeTest(client, config.kubernetesNamespace(), job, clock, SMOKE_TIMEOUT, SMOKE_PROGRESS)
                    .run(out, err);
        }
    }

    private DryRun.Planner planner(KubernetesConfig config) throws ConfigException, TemplateLoadException {
        UserPolicy policy = UserPolicy.load(config.profileConfig(), config.resourcesConfig(),
                new CachedGroupResolver(new NameServiceGroups(), clock, Duration.ofMinutes(1)));
        JsonMapper mapper = JsonMapper.builder().build();
        KubernetesSerialization serialization = new KubernetesSerialization();
        SpecRenderer renderer = config.useTemplating()
                ? new TemplateRenderer(new TemplateDirectory(config.scratchPath(), TemplateFunctions.launcher()), mapper,
                        serialization)
                : new BuiltinRenderer(mapper);
        return new JobPlanner(new ProfilePolicy(policy), renderer, config.launcher().pluginName(), config.sharedProcessNamespace(),
                config.stdinAnnotation(), WireJson.newMapper(), serialization);
    }

    private KubernetesClient client(KubernetesConfig config) {
        ClusterConnection connection = new ClusterConnection(config.apiUrl(),
                redactor.registering(config.authToken().open(clock, Duration.ofMinutes(1))),
                config.certificateAuthorityPem(), config.verifySslCerts());
        return KubernetesClients.create(connection, config.kubernetesNamespace(), new RequestMetrics(clock));
    }
}
