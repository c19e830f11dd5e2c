package io.kubelauncher.kubernetes.config;

import io.kubelauncher.api.options.LauncherOptions;
import io.kubelauncher.api.options.OptionException;
import io.kubelauncher.api.options.OptionSource;
import io.kubelauncher.api.options.StandardOption;
import io.kubelauncher.api.options.OptionValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** One pass over an option source; collects every problem before failing. */
final class KubernetesConfigReader {

    /** The options of launcher.kubernetes.conf that are not standard Launcher options (spec 2.5). */
    static final Set<String> PLUGIN_OPTIONS = Set.of(
            "profile-config", "api-url", "auth-token-path", "auth-token", "kubernetes-namespace",
            "shared-process-namespace", "verify-ssl-certs", "certificate-authority", "watch-timeout-seconds",
            "fetch-limit", "use-templating", "launch-failure-grace-seconds", "stop-grace-period-seconds",
            "stdin-annotation");

    private static final OptionSource NO_OPTIONS = new OptionSource() {
        @Override
        public Optional<OptionValue> get(String name) {
            return Optional.empty();
        }

        @Override
        public Set<String> names() {
            return Set.of();
        }
    };

    private static final String JOB_EXPIRY_HOURS = "job-expiry-hours";

    static final String DEFAULT_PLUGIN_NAME = "Kubernetes";
    static final String SERVICE_HOST = "KUBERNETES_SERVICE_HOST";
    static final String SERVICE_PORT = "KUBERNETES_SERVICE_PORT";

    @FunctionalInterface
    private interface Parser<T> {
        T parse(String raw) throws InvalidValueException;
    }

    private final OptionSource options;
    private final Path configDir;
    private final HostEnvironment host;
    private final Problems problems = new Problems();
    private final List<ConfigProblem> warnings = new ArrayList<>();

    KubernetesConfigReader(OptionSource options, Path configDir, HostEnvironment host) {
        this.options = options;
        this.configDir = configDir;
        this.host = host;
    }

    KubernetesConfig read() throws ConfigException {
        for (String name : new TreeSet<>(options.names())) {
            if (StandardOption.byName(name).isEmpty() && !PLUGIN_OPTIONS.contains(name)) {
                String origin = options.get(name).map(OptionValue::origin).orElse(name);
                warnings.add(new ConfigProblem(origin, "unknown option " + name + " ignored"));
            }
        }
        String pluginName = value("plugin-name", "", KubernetesConfigReader::pluginName);
        LauncherOptions.Defaults defaults = new LauncherOptions.Defaults(pluginName.isEmpty() ? DEFAULT_PLUGIN_NAME : pluginName,
                defaultScratchPath(pluginName), host.availableProcessors() * 2);
        // the standard options' types, as the runtime's parser checks them (this reader may be
        // given any option source), then stricter checks for those this plugin relies on
        boolean standardTypesOk = true;
        for (StandardOption standard : StandardOption.values()) {
            Optional<OptionValue> given = options.get(standard.optionName());
            if (given.isPresent() && !standard.kind().accepts(given.get().value())) {
                problems.add(given.get().origin(), "invalid value \"" + given.get().value() + "\" for "
                        + standard.optionName() + ": expected " + standard.kind().expected());
                standardTypesOk = false;
            }
        }
        value("server-user", "rstudio-server", raw -> nonEmpty(raw, "a user name"));
        if (standardTypesOk) {
            value("thread-pool-size", 0L, raw -> ValueSyntax.wholeNumber(raw, 0, 4096));
        }
        for (String pathOption : List.of("scratch-path", "logging-dir", "launcher-config-file", "rsandbox-path",
                "config-file")) {
            value(pathOption, Path.of("/"), this::path);
        }
        LauncherOptions launcher = launcherOptions(problems.isEmpty() ? options : NO_OPTIONS, defaults);
        Duration expiry = launcher.jobExpiry();
        Path profiles = value("profile-config", configDir.resolve(ConfigSearchPath.PROFILES_CONFIG), this::path);
        String namespace = value("kubernetes-namespace", "rstudio", KubernetesConfigReader::namespace);
        boolean sharedPid = value("shared-process-namespace", true, ValueSyntax::bool);
        boolean verify = value("verify-ssl-certs", true, ValueSyntax::bool);
        Duration watchTimeout = seconds("watch-timeout-seconds", 180, 1);
        int fetchLimit = value("fetch-limit", 500L, raw -> ValueSyntax.wholeNumber(raw, 1, Integer.MAX_VALUE)).intValue();
        boolean templating = value("use-templating", false, ValueSyntax::bool);
        Duration launchFailureGrace = seconds("launch-failure-grace-seconds", 300, 0);
        Duration stopGracePeriod = seconds("stop-grace-period-seconds", 30, 0);
        boolean stdinAnnotation = value("stdin-annotation", true, ValueSyntax::bool);

        Optional<String> inClusterUrl = inClusterUrl();
        URI apiUrl = apiUrl(inClusterUrl);
        TokenSource token = token(inClusterUrl.isPresent());
        Optional<String> ca = certificateAuthority(inClusterUrl.isPresent());
        if (!verify) {
            options.get("verify-ssl-certs").ifPresent(o -> warnings.add(new ConfigProblem(o.origin(),
                    "verify-ssl-certs=0: the Kubernetes API server's certificate is not checked;"
                            + " do not use this in production")));
        }

        problems.throwIfAny();
        return new KubernetesConfig(launcher.serverUser(), launcher.threadPoolSize(), launcher.enableDebugLogging(),
                launcher.scratchPath(), launcher.loggingDir(), expiry, profiles,
                configDir.resolve(ConfigSearchPath.RESOURCES_CONFIG), apiUrl, token, namespace, sharedPid, verify,
                ca, watchTimeout, fetchLimit, templating, launchFailureGrace, stopGracePeriod, stdinAnnotation, launcher, inClusterUrl.isPresent(), warnings,
                origins(inClusterUrl.isPresent(), token, ca));
    }

    private Map<String, String> origins(boolean inCluster, TokenSource token, Optional<String> ca) {
        Map<String, String> origins = new HashMap<>();
        for (String name : List.of("server-user", "thread-pool-size", "enable-debug-logging", "scratch-path",
                "logging-dir", JOB_EXPIRY_HOURS, "profile-config", "api-url", "auth-token-path", "auth-token",
                "kubernetes-namespace", "shared-process-namespace", "verify-ssl-certs", "certificate-authority",
                "watch-timeout-seconds", "fetch-limit", "use-templating", "launch-failure-grace-seconds",
                "stop-grace-period-seconds", "stdin-annotation")) {
            options.get(name).filter(o -> !o.value().isBlank()).ifPresent(o -> origins.put(name, o.origin()));
        }
        if (inCluster) {
            origins.putIfAbsent("api-url", "pod");
            if (token instanceof TokenSource.File && !origins.containsKey("auth-token")) {
                origins.putIfAbsent("auth-token-path", "pod");
            }
            if (ca.isPresent()) {
                origins.putIfAbsent("certificate-authority", "pod");
            }
        }
        return origins;
    }

    private <T> T value(String name, T defaultValue, Parser<T> parser) {
        Optional<OptionValue> option = options.get(name);
        if (option.isEmpty()) {
            return defaultValue;
        }
        try {
            return parser.parse(option.get().value());
        } catch (InvalidValueException e) {
            problems.add(option.get().origin(), name + ": " + e.getMessage());
            return defaultValue;
        }
    }

    private Duration seconds(String name, long defaultSeconds, long min) {
        return Duration.ofSeconds(value(name, defaultSeconds, raw -> ValueSyntax.wholeNumber(raw, min, 31_536_000)));
    }

    /** The standard options as the protocol runtime types them, so that both read the same values. */
    private LauncherOptions launcherOptions(OptionSource options, LauncherOptions.Defaults defaults) {
        try {
            return LauncherOptions.from(options, defaults);
        } catch (OptionException e) {
            // its message is "ORIGIN: what is wrong"
            String message = e.getMessage();
            int split = message.indexOf(": ");
            problems.add(split < 0 ? "options" : message.substring(0, split), message.substring(split + 2));
            return LauncherOptions.from(NO_OPTIONS, defaults);
        }
    }

    private Path path(String raw) throws InvalidValueException {
        String text = nonEmpty(raw, "a path");
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new InvalidValueException("bad path '" + raw + "': " + e.getReason());
        }
    }

    private static String nonEmpty(String raw, String what) throws InvalidValueException {
        String text = raw.strip();
        if (text.isEmpty()) {
            throw new InvalidValueException("empty value: expected " + what);
        }
        return text;
    }

    /**
     * {@code scratch-path} as given, else its default, from these two options alone: what {@link #read()}
     * makes of them, for the template commands, which need no other option and so run while the rest of
     * the configuration is missing or incomplete.
     */
    static Path scratchPath(OptionSource options) {
        return options.get("scratch-path").map(OptionValue::value).filter(v -> !v.isEmpty()).map(Path::of)
                .orElseGet(() -> defaultScratchPath(options.get("plugin-name").map(v -> v.value().strip()).orElse("")));
    }

    /** The default scratch path: a directory named after the cluster (plugin-name, else Kubernetes). */
    private static Path defaultScratchPath(String pluginName) {
        return Path.of("/var/lib/rstudio-launcher", pluginName.isEmpty() ? DEFAULT_PLUGIN_NAME : pluginName);
    }

    /** The cluster name also names the default scratch directory, so it must be usable as one. */
    private static String pluginName(String raw) throws InvalidValueException {
        String text = raw.strip();
        if (text.contains("/") || text.equals(".") || text.equals("..") || text.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidValueException("bad plugin name '" + raw + "': it names a directory, so it cannot contain"
                    + " '/' or control characters");
        }
        return text;
    }

    private static String namespace(String raw) throws InvalidValueException {
        String text = raw.strip();
        if (text.length() > 63 || !text.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?")) {
            throw new InvalidValueException("bad namespace '" + raw + "': a Kubernetes namespace is at most 63"
                    + " lower-case letters, digits and '-', starting and ending with a letter or digit");
        }
        return text;
    }

    private Optional<String> inClusterUrl() {
        Optional<String> serviceHost = host.variable(SERVICE_HOST);
        Optional<String> servicePort = host.variable(SERVICE_PORT);
        if (serviceHost.isEmpty() || servicePort.isEmpty()) {
            return Optional.empty();
        }
        String hostName = serviceHost.get();
        // an IPv6 service address needs brackets in a URL
        String authority = (hostName.contains(":") && !hostName.startsWith("[") ? "[" + hostName + "]" : hostName)
                + ":" + servicePort.get();
        return Optional.of("https://" + authority);
    }

    private URI apiUrl(Optional<String> inClusterUrl) {
        Optional<OptionValue> option = options.get("api-url").filter(o -> !o.value().isBlank());
        if (option.isEmpty()) {
            if (inClusterUrl.isEmpty()) {
                problems.add("api-url", "the required option api-url is not set: give the Kubernetes API base URL,"
                        + " e.g. api-url=https://192.168.99.100:8443, in " + ConfigSearchPath.MAIN_CONFIG
                        + " (inside a pod it is derived from " + SERVICE_HOST + " and " + SERVICE_PORT + ")");
                return URI.create("https://unset");
            }
            try {
                return parseUrl(inClusterUrl.get());
            } catch (InvalidValueException e) {
                problems.add(SERVICE_HOST + "/" + SERVICE_PORT, "api-url derived from the pod environment: "
                        + e.getMessage());
                return URI.create("https://unset");
            }
        }
        try {
            return parseUrl(option.get().value());
        } catch (InvalidValueException e) {
            problems.add(option.get().origin(), "api-url: " + e.getMessage());
            return URI.create("https://unset");
        }
    }

    private static URI parseUrl(String raw) throws InvalidValueException {
        String text = raw.strip();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new InvalidValueException("bad URL '" + raw + "': " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new InvalidValueException("bad URL '" + raw + "': expected http:// or https://");
        }
        if (uri.getHost() == null) {
            throw new InvalidValueException("bad URL '" + raw + "': no host name");
        }
        if (uri.getQuery() != null || uri.getFragment() != null) {
            throw new InvalidValueException("bad URL '" + raw + "': the base URL takes no ?query or #fragment");
        }
        return uri;
    }

    private TokenSource token(boolean inCluster) {
        Optional<OptionValue> path = options.get("auth-token-path").filter(o -> !o.value().isBlank());
        Optional<OptionValue> inline = options.get("auth-token").filter(o -> !o.value().isBlank());
        if (path.isPresent()) {
            if (inline.isPresent()) {
                warnings.add(new ConfigProblem(inline.get().origin(), "auth-token is ignored because auth-token-path"
                        + " is also set (" + path.get().origin() + ")"));
            }
            Path file;
            try {
                file = path(path.get().value());
            } catch (InvalidValueException e) {
                problems.add(path.get().origin(), "auth-token-path: " + e.getMessage());
                return new TokenSource.Inline("");
            }
            checkTokenFile(file, path.get().origin(), "auth-token-path");
            checkTokenOwner(file, path.get().origin());
            return new TokenSource.File(file);
        }
        if (inline.isPresent()) {
            return new TokenSource.Inline(inline.get().value().strip());
        }
        Path serviceAccountToken = host.serviceAccountDir().resolve("token");
        if (inCluster && Files.exists(serviceAccountToken)) {
            checkTokenFile(serviceAccountToken, serviceAccountToken.toString(), "the pod's service account token");
            return new TokenSource.File(serviceAccountToken);
        }
        problems.add("auth-token-path", "the required option auth-token-path (or auth-token) is not set: give the"
                + " file holding the job-launcher service account's token, e.g."
                + " auth-token-path=/etc/rstudio/kubernetes.launcher.token, in " + ConfigSearchPath.MAIN_CONFIG
                + (inCluster ? " (no service account token found at " + serviceAccountToken + ")"
                        : " (inside a pod the service account token is used)"));
        return new TokenSource.Inline("");
    }

    private void checkTokenFile(Path file, String origin, String what) {
        try {
            TokenFile.readToken(file);
        } catch (IOException e) {
            problems.add(origin, what + ": cannot read token file " + file + ": " + ConfigException.describe(e));
        }
    }

    /** The admin guide asks for the token file to be owned by server-user; say so if it is not. */
    private void checkTokenOwner(Path file, String origin) {
        String serverUser = options.get("server-user").map(o -> o.value().strip()).orElse("rstudio-server");
        try {
            String owner = Files.getOwner(file).getName();
            if (!owner.equals(serverUser)) {
                warnings.add(new ConfigProblem(origin, "auth-token-path " + file + " is owned by " + owner
                        + ", not by the server-user " + serverUser + "; make it owned by " + serverUser
                        + " with mode 0600"));
            }
        } catch (IOException | UnsupportedOperationException e) {
            // the owner cannot be told on this file system; reading the token already worked
        }
    }

    private Optional<String> certificateAuthority(boolean inCluster) {
        Optional<OptionValue> option = options.get("certificate-authority").filter(o -> !o.value().isBlank());
        if (option.isPresent()) {
            try {
                return Optional.of(pemFromBase64(option.get().value()));
            } catch (InvalidValueException e) {
                problems.add(option.get().origin(), "certificate-authority: " + e.getMessage());
                return Optional.empty();
            }
        }
        Path caFile = host.serviceAccountDir().resolve("ca.crt");
        if (inCluster && Files.exists(caFile)) {
            try {
                String pem = Files.readString(caFile, StandardCharsets.US_ASCII);
                checkCertificates(pem);
                return Optional.of(pem);
            } catch (IOException e) {
                problems.add(caFile.toString(), "cannot read the pod's certificate authority: "
                        + ConfigException.describe(e));
            } catch (InvalidValueException e) {
                problems.add(caFile.toString(), "the pod's certificate authority: " + e.getMessage());
            }
        }
        return Optional.empty();
    }

    private static String pemFromBase64(String raw) throws InvalidValueException {
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(raw.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("not valid base64 (" + e.getMessage() + "): give the Base64-encoded"
                    + " PEM certificate, e.g. the certificate-authority-data of a kubeconfig");
        }
        String pem = new String(decoded, StandardCharsets.US_ASCII);
        checkCertificates(pem);
        return pem;
    }

    private static void checkCertificates(String pem) throws InvalidValueException {
        if (!pem.contains("-----BEGIN CERTIFICATE-----")) {
            throw new InvalidValueException("no PEM certificate (-----BEGIN CERTIFICATE-----) found");
        }
        try {
            CertificateFactory x509 = CertificateFactory.getInstance("X.509");
            if (x509.generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))).isEmpty()) {
                throw new InvalidValueException("no certificate found in the PEM text");
            }
        } catch (CertificateException e) {
            throw new InvalidValueException("bad certificate: " + e.getMessage());
        }
    }
}
