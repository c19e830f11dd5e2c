package io.kubelauncher.gotemplate.function;

/**
 * A value that is not JSON-shaped: a Go struct or named type returned by a function
 * (the {@code exec} result, a {@code time.Time}, a semver version...).
 *
 * <p>The executor prints it with {@link #goString()} when it is a {@code fmt.Stringer} in Go, and
 * resolves {@code .Field} on it with {@link #field(String)}.
 */
public interface GoValue {

    /** The Go type name used by {@code typeOf} and in error messages, e.g. {@code "main.ExecResult"}. */
    String goTypeName();

    /**
     * What {@code fmt.Sprint} prints for this value (its {@code String()} method, or Go's
     * {@code {field1 field2}} form for a plain struct).
     */
    String goString();

    /**
     * True when Go would treat the value as a {@code fmt.Stringer}: {@code %s}/{@code %v}, {@code quote}
     * and output printing use {@link #goString()}.
     */
    default boolean isStringer() {
        return true;
    }

    /**
     * True for a nil held in a non-empty interface type, such as a struct's {@code Err error} field
     * that is nil. Go prints it as {@code <nil>} (not {@code <no value>}), treats it as false in
     * {@code if}, and passes it to an {@code interface {}} parameter as plain nil; the executor
     * should do the same (pass {@code null} for {@link GoType.Kind#ANY} parameters).
     */
    default boolean isNil() {
        return false;
    }

    /**
     * The value of an exported field, for {@code .Field} in a template.
     *
     * @throws NoSuchFieldException when the type has no such field (the executor reports
     *     "can't evaluate field X in type T")
     */
    default Object field(String name) throws NoSuchFieldException {
        throw new NoSuchFieldException(name);
    }
}
