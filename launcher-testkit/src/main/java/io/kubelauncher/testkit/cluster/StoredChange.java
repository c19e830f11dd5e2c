package io.kubelauncher.testkit.cluster;

/**
 * One change as the simulated API server stored it: what a watch will announce, seen at the moment
 * it happens rather than when the announcement arrives.
 *
 * @param type {@code ADDED}, {@code MODIFIED} or {@code DELETED}
 * @param kind the object's kind, e.g. {@code Pod}
 * @param namespace the object's namespace, empty for cluster-scoped kinds
 * @param name the object's name
 * @param resourceVersion the resourceVersion the change was stored at
 */
public record StoredChange(String type, String kind, String namespace, String name, long resourceVersion) {}
