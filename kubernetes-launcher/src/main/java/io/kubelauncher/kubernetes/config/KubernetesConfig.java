package io.kubelauncher.kubernetes.config;

import io.kubelauncher.api.options.LauncherOptions;
import io.kubelauncher.api.options.OptionSource;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@code launcher.kubernetes.conf} and the Launcher's command-line options, typed, with the admin
 * guide's defaults and the in-cluster auto-configuration applied.
 *
 * @param serverUser {@code server-user}, default {@code rstudio-server}
 * @param threadPoolSize {@code thread-pool-size}, default CPUs x 2 (also when 0)
 * @param enableDebugLogging {@code enable-debug-logging}, default 0
 * @param scratchPath {@code scratch-path}, default {@code /var/lib/rstudio-launcher/<plugin-name or Kubernetes>}
 * @param loggingDir {@code logging-dir}, default {@code /var/log/rstudio/launcher}
 * @param jobExpiry {@code job-expiry-hours} (fractional hours allowed), default 24 hours; zero removes
 *     finished jobs at once
 * @param profileConfig {@code profile-config}, default {@code launcher.kubernetes.profiles.conf} in the
 *     config directory ({@code /etc/rstudio})
 * @param resourcesConfig {@code launcher.kubernetes.resources.conf} in the config directory (no option)
 * @param apiUrl {@code api-url}, required unless running in a pod, without a trailing slash
 * @param authToken {@code auth-token-path} or {@code auth-token}; required unless running in a pod
 * @param kubernetesNamespace {@code kubernetes-namespace}, default {@code rstudio}
 * @param sharedProcessNamespace {@code shared-process-namespace}, default true
 * @param verifySslCerts {@code verify-ssl-certs}, default 1
 * @param certificateAuthorityPem {@code certificate-authority} decoded from base64 to PEM text; empty
 *     means the system trust store
 * @param watchTimeout {@code watch-timeout-seconds}, default 180
 * @param fetchLimit {@code fetch-limit}, default 500
 * @param useTemplating {@code use-templating}, default 0
 * @param launchFailureGrace {@code launch-failure-grace-seconds} (ours), default 300: how long a job
 *     whose container cannot be started (image pull, mount or container-creation errors) stays Pending
 *     before it is Failed
 * @param stopGracePeriod {@code stop-grace-period-seconds} (ours), default 30: how long a stopped job
 *     has between SIGTERM and SIGKILL
 * @param stdinAnnotation {@code stdin-annotation} (ours), default 1: whether a job's stdin is written
 *     as the pod template's {@code stdin} annotation (the vendor's way, readable by anyone who may
 *     describe the pod); with 0 it is kept in a Secret owned by the Job until it is delivered
 * @param launcher the standard Launcher options as the protocol runtime types them (heartbeat,
 *     message size, metrics, log level ...); its server user, thread pool, debug flag, scratch path,
 *     logging directory and job expiry are the ones above
 * @param inCluster whether KUBERNETES_SERVICE_HOST/PORT were found (values may have come from the pod)
 * @param warnings things worth logging at start-up (unknown options, conflicting settings)
 * @param origins where each of the 20 options' value came from: {@code FILE:LINE},
 *     {@code command line --NAME}, {@code pod} (in-cluster) or {@code default}
 */
public record KubernetesConfig(
        String serverUser,
        int threadPoolSize,
        boolean enableDebugLogging,
        Path scratchPath,
        Path loggingDir,
        Duration jobExpiry,
        Path profileConfig,
        Path resourcesConfig,
        URI apiUrl,
        TokenSource authToken,
        String kubernetesNamespace,
        boolean sharedProcessNamespace,
        boolean verifySslCerts,
        Optional<String> certificateAuthorityPem,
        Duration watchTimeout,
        int fetchLimit,
        boolean useTemplating,
        Duration launchFailureGrace,
        Duration stopGracePeriod,
        boolean stdinAnnotation,
        LauncherOptions launcher,
        boolean inCluster,
        List<ConfigProblem> warnings,
        Map<String, String> origins) {

    public KubernetesConfig {
        Objects.requireNonNull(serverUser, "serverUser");
        Objects.requireNonNull(scratchPath, "scratchPath");
        Objects.requireNonNull(loggingDir, "loggingDir");
        Objects.requireNonNull(jobExpiry, "jobExpiry");
        Objects.requireNonNull(profileConfig, "profileConfig");
        Objects.requireNonNull(resourcesConfig, "resourcesConfig");
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(authToken, "authToken");
        Objects.requireNonNull(kubernetesNamespace, "kubernetesNamespace");
        Objects.requireNonNull(certificateAuthorityPem, "certificateAuthorityPem");
        Objects.requireNonNull(watchTimeout, "watchTimeout");
        Objects.requireNonNull(launchFailureGrace, "launchFailureGrace");
        Objects.requireNonNull(stopGracePeriod, "stopGracePeriod");
        Objects.requireNonNull(launcher, "launcher");
        warnings = List.copyOf(warnings);
        origins = Map.copyOf(origins);
    }

    /**
     * Types the merged options (file over command line, as the option source already did) and
     * applies defaults and in-cluster values.
     *
     * @param configDir the directory of the main config file: default home of the profiles and
     *     resources files
     * @throws ConfigException every bad or missing option, each naming the option and its origin
     */
    public static KubernetesConfig from(OptionSource options, Path configDir, HostEnvironment host)
            throws ConfigException {
        return new KubernetesConfigReader(options, configDir, host).read();
    }

    /**
     * One line per option of launcher.kubernetes.conf, {@code name = value (origin)}, the token
     * left out, for the start-up log.
     */
    public List<String> describe() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("server-user", serverUser);
        values.put("thread-pool-size", Integer.toString(threadPoolSize));
        values.put("enable-debug-logging", enableDebugLogging ? "1" : "0");
        values.put("scratch-path", scratchPath.toString());
        values.put("logging-dir", loggingDir.toString());
        values.put("job-expiry-hours", BigDecimal.valueOf(jobExpiry.toMillis())
                .divide(BigDecimal.valueOf(3_600_000)).stripTrailingZeros().toPlainString());
        values.put("profile-config", profileConfig.toString());
        values.put("api-url", apiUrl.toString());
        if (authToken instanceof TokenSource.File) {
            values.put("auth-token-path", ((TokenSource.File) authToken).path().toString());
        } else {
            values.put("auth-token", "<redacted>");
        }
        values.put("kubernetes-namespace", kubernetesNamespace);
        values.put("shared-process-namespace", sharedProcessNamespace ? "1" : "0");
        values.put("verify-ssl-certs", verifySslCerts ? "1" : "0");
        values.put("certificate-authority", certificateAuthorityPem.isPresent() ? "<certificate>" : "");
        values.put("watch-timeout-seconds", Long.toString(watchTimeout.toSeconds()));
        values.put("fetch-limit", Integer.toString(fetchLimit));
        values.put("use-templating", useTemplating ? "1" : "0");
        values.put("launch-failure-grace-seconds", Long.toString(launchFailureGrace.toSeconds()));
        values.put("stop-grace-period-seconds", Long.toString(stopGracePeriod.toSeconds()));
        values.put("stdin-annotation", stdinAnnotation ? "1" : "0");
        List<String> lines = new ArrayList<>();
        values.forEach((name, value) -> lines.add(name + " = " + value + " (" + origins.getOrDefault(name, "default") + ")"));
        return lines;
    }

    /**
     * The scratch path the options give, read without the rest of the configuration, which may be
     * missing or incomplete (the template commands need nothing else); for a configuration that
     * {@link #from} accepts, the same path as its {@link #scratchPath()}.
     */
    public static Path scratchPathFrom(OptionSource options) {
        return KubernetesConfigReader.scratchPath(options);
    }

    /**
     * The option names of launcher.kubernetes.conf beyond the standard Launcher options, without
     * dashes: what the runtime's option parser must accept besides its own.
     */
    public static Set<String> pluginOptionNames() {
        return KubernetesConfigReader.PLUGIN_OPTIONS;
    }
}
