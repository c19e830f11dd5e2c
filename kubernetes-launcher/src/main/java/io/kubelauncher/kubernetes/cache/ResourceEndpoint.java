package io.kubelauncher.kubernetes.cache;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.ListOptions;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.dsl.FilterWatchListDeletable;

import java.util.function.Function;

/** The two calls a reflector makes on one kind of object: list a page, watch from a version. */
interface ResourceEndpoint<T extends HasMetadata> {

    KubernetesResourceList<T> list(ListOptions options);

    Watch watch(ListOptions options, Watcher<T> watcher);

    /** Lists pages with {@code lister} (the same selection of objects as {@code watched}); watches through Fabric8. */
    static <T extends HasMetadata, L extends KubernetesResourceList<T>> ResourceEndpoint<T> of(
            Function<ListOptions, ? extends KubernetesResourceList<T>> lister, FilterWatchListDeletable<T, L, ?> watched) {
        return new ResourceEndpoint<>() {
            @Override
            public KubernetesResourceList<T> list(ListOptions options) {
                return lister.apply(options);
            }

            @Override
            public Watch watch(ListOptions options, Watcher<T> watcher) {
                return watched.watch(options, watcher);
            }
        };
    }
}
