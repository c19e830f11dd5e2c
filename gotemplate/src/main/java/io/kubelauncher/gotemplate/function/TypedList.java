package io.kubelauncher.gotemplate.function;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * An immutable Go slice whose static type is not {@code []interface {}}: Sprig's {@code []string}
 * results ({@code splitList}, {@code keys}, {@code sortAlpha}...) or {@code []int} ({@code until}).
 *
 * <p>It behaves as a plain {@link List} everywhere; only {@code %T}, {@code %#v}, {@code typeOf}
 * and error messages use {@link #sliceType()}.
 */
public final class TypedList<E> extends AbstractList<E> implements RandomAccess {

    private final GoType sliceType;
    private final List<E> elements;

    private TypedList(GoType sliceType, List<E> elements) {
        this.sliceType = Objects.requireNonNull(sliceType, "sliceType");
        this.elements = elements;
    }

    /** A {@code []string}. */
    public static TypedList<String> ofStrings(List<String> elements) {
        return new TypedList<>(GoType.STRING_LIST, List.copyOf(elements));
    }

    /** A slice of the given Go type, e.g. {@code new GoType("[]int", Kind.SLICE, null)}. */
    public static <E> TypedList<E> of(GoType sliceType, List<E> elements) {
        if (sliceType.kind() != GoType.Kind.SLICE) {
            throw new IllegalArgumentException("not a slice type: " + sliceType);
        }
        return new TypedList<>(sliceType, List.copyOf(elements));
    }

    public GoType sliceType() {
        return sliceType;
    }

    /** The element type's Go spelling: {@code string} for {@code []string}. */
    public String elementTypeName() {
        return sliceType.goName().substring(2);
    }

    @Override
    public E get(int index) {
        return elements.get(index);
    }

    @Override
    public int size() {
        return elements.size();
    }
}
