package io.kubelauncher.kubernetes.cluster;

import io.fabric8.kubernetes.client.http.AsyncBody;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.kubelauncher.api.model.LatencySample;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the requests the plugin sends to the API server, by verb and resource ("POST jobs",
 * "GET pods/log", "WATCH events"), and their latency for the Plugin API metrics frame (3.7). The
 * counts are how we hold the plugin to its budget: one create per job, one more for a Service.
 */
public final class RequestMetrics implements Interceptor {

    private final Clock clock;
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private final Map<java.util.UUID, Instant> started = new ConcurrentHashMap<>();
    private List<Duration> latencies = new java.util.ArrayList<>();

    public RequestMetrics(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
        counts.computeIfAbsent(describe(request), k -> new AtomicLong()).incrementAndGet();
        started.put(request.id(), clock.instant());
    }

    @Override
    public void after(HttpRequest request, HttpResponse<?> response, AsyncBody.Consumer<List<ByteBuffer>> consumer) {
        Instant start = started.remove(request.id());
        if (start == null || isWatch(request)) {
            return;
        }
        Duration latency = Duration.between(start, clock.instant());
        synchronized (this) {
            latencies.add(latency);
        }
    }

    @Override
    public void afterConnectionFailure(HttpRequest request, Throwable failure) {
        started.remove(request.id());
    }

    /** "VERB resource[/subresource]", with WATCH for watches and LIST for collection GETs. */
    static String describe(HttpRequest request) {
        String path = request.uri().getPath();
        String[] parts = path.split("/");
        // /api/v1/namespaces/ns/pods/name/log, /apis/batch/v1/namespaces/ns/jobs, /apis/authorization.k8s.io/v1/selfsubjectaccessreviews
        int i = path.startsWith("/apis/") ? 4 : 3;
        if (parts.length > i && parts[i].equals("namespaces") && parts.length > i + 2) {
            i += 2;
        }
        String resource = parts.length > i ? parts[i] : path;
        boolean named = parts.length > i + 1;
        String sub = parts.length > i + 2 ? "/" + parts[i + 2] : "";
        String verb = request.method().toUpperCase(Locale.ROOT);
        if (isWatch(request)) {
            verb = "WATCH";
        } else if (verb.equals("GET") && !named) {
            verb = "LIST";
        }
        return verb + " " + resource + sub;
    }

    private static boolean isWatch(HttpRequest request) {
        String query = request.uri().getRawQuery();
        return query != null && query.contains("watch=true");
    }

    /** Requests sent so far, by "VERB resource", sorted. */
    public Map<String, Long> counts() {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    /** The latency histogram since the last call, then reset (Plugin API metrics frame). */
    public Optional<LatencySample> takeLatencySample() {
        List<Duration> taken;
        synchronized (this) {
            if (latencies.isEmpty()) {
                return Optional.empty();
            }
            taken = latencies;
            latencies = new java.util.ArrayList<>();
        }
        return Optional.of(LatencySample.of(taken));
    }
}
