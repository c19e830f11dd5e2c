package io.kubelauncher.kubernetes.cache;

import java.time.Duration;

/**
 * @param namespace where the launcher's jobs live
 * @param fetchLimit objects per list page (fetch-limit)
 * @param watchTimeoutSeconds how long the server keeps a watch open before we renew it (watch-timeout-seconds)
 * @param syncTimeout how long start-up waits for the first complete list of every kind
 */
public record CacheSettings(String namespace, long fetchLimit, int watchTimeoutSeconds, Duration syncTimeout) {

    public CacheSettings {
        if (fetchLimit <= 0) {
            throw new IllegalArgumentException("fetch-limit must be positive, got " + fetchLimit);
        }
        if (watchTimeoutSeconds <= 0) {
            throw new IllegalArgumentException("watch-timeout-seconds must be positive, got " + watchTimeoutSeconds);
        }
    }
}
