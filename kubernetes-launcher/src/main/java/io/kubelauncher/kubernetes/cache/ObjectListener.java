package io.kubelauncher.kubernetes.cache;

/** Told about every change a {@link Reflector} sees; called on the reflector's threads, one event at a time. */
interface ObjectListener<T> {

    void upserted(T object);

    void deleted(T object);
}
