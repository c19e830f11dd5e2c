package io.kubelauncher.kubernetes.source;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.RequestConfigBuilder;
import io.fabric8.kubernetes.client.http.AsyncBody;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One follow of a container's log ({@code GET pods/<pod>/log?follow=true&timestamps=true}), its
 * bytes written to an output stream as they arrive. Sent on the client's HTTP client directly:
 * Fabric8's {@code watchLog} first lists the pod to wait until it is ready, one request per follow
 * that the plugin does not need, since its cache already knows that the container has started.
 */
final class PodLogFollow implements AutoCloseable {

    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private volatile AsyncBody body;
    private volatile boolean closed;

    private PodLogFollow() {
    }

    /** Starts following; {@code since} resumes a broken follow from that second. */
    static PodLogFollow start(KubernetesClient client, String namespace, String pod, String container, Optional<Instant> since,
                              OutputStream out) {
        StringBuilder path = new StringBuilder(client.getMasterUrl().toString().replaceAll("/+$", ""))
                .append("/api/v1/namespaces/").append(encode(namespace)).append("/pods/").append(encode(pod))
                .append("/log?container=").append(encode(container)).append("&timestamps=true&follow=true");
        since.ifPresent(at -> path.append("&sinceTime=").append(encode(at.truncatedTo(ChronoUnit.SECONDS).toString())));
        HttpClient http = client.getHttpClient();
        // a follow lasts as long as the job: no request timeout
        HttpClient following = http.newBuilder().tag(new RequestConfigBuilder().withRequestTimeout(0).build()).build();
        HttpRequest request = following.newHttpRequestBuilder().uri(URI.create(path.toString())).build();
        PodLogFollow follow = new PodLogFollow();
        following.consumeBytes(request, (buffers, async) -> {
            for (ByteBuffer buffer : buffers) {
                byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                out.write(bytes);
            }
            async.consume();
        }).whenComplete((response, failure) -> {
            if (failure != null) {
                follow.ended.completeExceptionally(failure);
            } else if (response.code() < 200 || response.code() > 299) {
                response.body().cancel();
                follow.ended.completeExceptionally(new IOException("the log of pod " + pod + " answered HTTP " + response.code()));
            } else {
                follow.body = response.body();
                if (follow.closed) {
                    follow.body.cancel();
                }
                follow.body.done().whenComplete((v, error) -> {
                    if (error == null) {
                        follow.ended.complete(null);
                    } else {
                        follow.ended.completeExceptionally(error);
                    }
                });
                follow.body.consume();
            }
        });
        return follow;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Completes when the server ends the log (the container is done), exceptionally when the connection breaks. */
    CompletableFuture<Void> ended() {
        return ended;
    }

    @Override
    public void close() {
        closed = true;
        AsyncBody current = body;
        if (current != null) {
            current.cancel();
        }
    }
}
