package io.kubelauncher.gotemplate.function;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An immutable Go map whose static type is not {@code map[string]interface {}}, such as Sprig's
 * {@code map[string]string} from {@code split}. It behaves as a plain {@link Map} everywhere; only
 * {@code %T}, {@code typeOf} and error messages use {@link #mapType()}.
 */
public final class TypedMap<V> extends AbstractMap<String, V> {

    private final GoType mapType;
    private final Map<String, V> entries;

    private TypedMap(GoType mapType, Map<String, V> entries) {
        this.mapType = Objects.requireNonNull(mapType, "mapType");
        this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    /** A map of the given Go type, e.g. {@code new GoType("map[string]string", Kind.MAP, null)}. */
    public static <V> TypedMap<V> of(GoType mapType, Map<String, V> entries) {
        if (mapType.kind() != GoType.Kind.MAP) {
            throw new IllegalArgumentException("not a map type: " + mapType);
        }
        return new TypedMap<>(mapType, entries);
    }

    public GoType mapType() {
        return mapType;
    }

    @Override
    public Set<Entry<String, V>> entrySet() {
        return entries.entrySet();
    }

    @Override
    public V get(Object key) {
        return entries.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.containsKey(key);
    }
}
