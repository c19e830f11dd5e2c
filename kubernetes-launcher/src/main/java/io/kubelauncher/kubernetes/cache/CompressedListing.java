package io.kubelauncher.kubernetes.cache;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.ListOptions;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;

/**
 * Pages of one kind's collection, fetched over Fabric8's HTTP client with {@code Accept-Encoding:
 * gzip}. Fabric8's typed {@code list()} on the JDK HTTP client never asks for compression, so a
 * namespace with 10,000 finished jobs used to arrive as tens of megabytes of JSON, and decrypting them
 * cost the plugin as much CPU as decoding them. kube-apiserver gzips list answers over 128 KiB for
 * clients that accept it, to a tenth of their size or less. Objects are still decoded by Fabric8's
 * serialization, and a failure is the {@link KubernetesClientException} (with the server's code and
 * Status) that {@code list()} throws.
 */
final class CompressedListing<T extends HasMetadata> {

    private final KubernetesClient client;
    private final String collectionUrl;
    private final Class<? extends KubernetesResourceList<T>> listType;
    private final String selectors;

    private CompressedListing(KubernetesClient client, String collectionUrl, Class<? extends KubernetesResourceList<T>> listType,
                              String selectors) {
        this.client = client;
        this.collectionUrl = collectionUrl;
        this.listType = listType;
        this.selectors = selectors;
    }

    /**
     * @param labelSelector a label selector, or null for every object
     * @param fieldSelector a field selector, or null for none
     */
    static <T extends HasMetadata> CompressedListing<T> of(KubernetesClient client, String namespace, Class<T> kind,
                                                           Class<? extends KubernetesResourceList<T>> listType,
                                                           String labelSelector, String fieldSelector) {
        Objects.requireNonNull(namespace, "namespace");
        String apiVersion = HasMetadata.getApiVersion(kind);
        String root = apiVersion.contains("/") ? "/apis/" : "/api/";
        String url = client.getMasterUrl().toString().replaceAll("/+$", "") + root + apiVersion + "/namespaces/" + encode(namespace)
                + "/" + HasMetadata.getPlural(kind);
        StringBuilder selectors = new StringBuilder();
        if (labelSelector != null) {
            selectors.append("&labelSelector=").append(encode(labelSelector));
        }
        if (fieldSelector != null) {
            selectors.append("&fieldSelector=").append(encode(fieldSelector));
        }
        return new CompressedListing<>(client, url, listType, selectors.toString());
    }

    KubernetesResourceList<T> list(ListOptions options) {
        URI uri = uri(options);
        HttpClient http = client.getHttpClient();
        long timeoutMillis = client.getConfiguration().getRequestTimeout();
        HttpRequest.Builder builder = http.newHttpRequestBuilder().uri(uri).header("Accept", "application/json")
                .header("Accept-Encoding", "gzip");
        if (timeoutMillis > 0) {
            builder.timeout(timeoutMillis, TimeUnit.MILLISECONDS);
        }
        try {
            var answer = http.sendAsync(builder.build(), InputStream.class);
            HttpResponse<InputStream> response = timeoutMillis > 0 ? answer.get(timeoutMillis, TimeUnit.MILLISECONDS) : answer.get();
            try (InputStream body = decoded(response)) {
                if (!response.isSuccessful()) {
                    throw failure(uri, response.code(), new String(body.readAllBytes(), StandardCharsets.UTF_8));
                }
                return client.getKubernetesSerialization().unmarshal(body, listType);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KubernetesClientException("interrupted while listing " + uri, e);
        } catch (ExecutionException e) {
            throw KubernetesClientException.launderThrowable("GET " + uri + " failed", e.getCause());
        } catch (TimeoutException e) {
            throw new KubernetesClientException("GET " + uri + " got no answer within " + timeoutMillis + " ms", e);
        } catch (IOException e) {
            throw new KubernetesClientException("GET " + uri + " failed: " + e.getMessage(), e);
        }
    }

    URI uri(ListOptions options) {
        StringBuilder query = new StringBuilder(selectors);
        if (options.getLimit() != null && options.getLimit() > 0) {
            query.append("&limit=").append(options.getLimit());
        }
        if (options.getContinue() != null && !options.getContinue().isEmpty()) {
            query.append("&continue=").append(encode(options.getContinue()));
        }
        if (options.getResourceVersion() != null) {
            query.append("&resourceVersion=").append(encode(options.getResourceVersion()));
        }
        return URI.create(query.length() == 0 ? collectionUrl : collectionUrl + "?" + query.substring(1));
    }

    private static InputStream decoded(HttpResponse<InputStream> response) throws IOException {
        String encoding = response.header("Content-Encoding");
        InputStream body = response.body() == null ? InputStream.nullInputStream() : response.body();
        if (encoding == null || encoding.isBlank() || encoding.trim().equalsIgnoreCase("identity")) {
            return body;
        }
        if (encoding.trim().toLowerCase(Locale.ROOT).equals("gzip")) {
            return new GZIPInputStream(body, 64 * 1024);
        }
        body.close();
        throw new IOException("the API server answered with Content-Encoding " + encoding + ", which was not asked for");
    }

    private KubernetesClientException failure(URI uri, int code, String body) {
        Status status = null;
        try {
            Object parsed = client.getKubernetesSerialization().unmarshal(body);
            if (parsed instanceof Status s) {
                status = s;
            }
        } catch (RuntimeException notAStatus) {
            // the body is not a Status (a proxy's HTML page, say): the code and the body say enough
        }
        String message = status != null && status.getMessage() != null ? status.getMessage() : body.strip();
        return new KubernetesClientException("Failure executing: GET at: " + uri + ". Message: " + message + ".", code, status);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
