package io.kubelauncher.kubernetes.cache;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.ListOptions;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.dsl.FilterWatchListDeletable;

/** The two calls a reflector makes on one kind of object: list a page, watch from a version. */
interface ResourceEndpoint<T extends HasMetadata> {

    KubernetesResourceList<T> list(ListOptions options);

    Watch watch(ListOptions options, Watcher<T> watcher);

    static <T extends HasMetadata, L extends KubernetesResourceList<T>> ResourceEndpoint<T> of(FilterWatchListDeletable<T, L, ?> resources) {
        return new ResourceEndpoint<>() {
            @Override
            public KubernetesResourceList<T> list(ListOptions options) {
                return resources.list(options);
            }

            @Override
            public Watch watch(ListOptions options, Watcher<T> watcher) {
                return resources.watch(options, watcher);
            }
        };
    }
}
