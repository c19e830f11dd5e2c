package io.kubelauncher.gotemplate.function;

import java.util.Objects;

/**
 * The static Go type of a function parameter or result, as text/template's reflection sees it.
 *
 * <p>The executor uses it to convert arguments exactly as Go does (a float64 from JSON passed to an
 * {@code int} parameter is "wrong type for value; expected int; got float64") and to spell types in
 * error messages. Values are plain Java objects:
 * <ul>
 *   <li>{@code null}: Go's nil</li>
 *   <li>{@link Integer}: {@code int}; {@link Long}: {@code int64} (and other integer kinds, see {@link #goName})</li>
 *   <li>{@link Double}: {@code float64}</li>
 *   <li>{@link String}, {@link Boolean}</li>
 *   <li>{@link java.util.List}: {@code []interface {}} (or a typed slice)</li>
 *   <li>{@link java.util.Map} with String keys, iteration order irrelevant: {@code map[string]interface {}}</li>
 *   <li>anything else implements {@link GoValue}</li>
 * </ul>
 *
 * @param goName the Go spelling used in messages, e.g. {@code "interface {}"}, {@code "[]string"}
 * @param kind how arguments are checked and converted
 * @param javaClass for {@link Kind#OBJECT}, the Java class a value must be an instance of; otherwise null
 */
public record GoType(String goName, Kind kind, Class<?> javaClass) {

    /** How the executor matches a value against a parameter of this type. */
    public enum Kind {
        /** {@code interface {}}: any value, nil included; a missing value becomes nil. */
        ANY,
        STRING,
        /** Go {@code int}: accepts {@link Integer} values and integer template literals. */
        INT,
        /** Go {@code int64} (or another sized integer named by goName): accepts {@link Long} values and integer literals. */
        INT64,
        /** Go {@code float64}: accepts {@link Double} values and numeric literals. */
        FLOAT64,
        BOOL,
        /** A slice: accepts {@link java.util.List}; nil allowed. */
        SLICE,
        /** A map: accepts {@link java.util.Map}; nil allowed. */
        MAP,
        /** A Go struct or named type represented by {@link #javaClass}. */
        OBJECT
    }

    public static final GoType ANY = new GoType("interface {}", Kind.ANY, null);
    public static final GoType STRING = new GoType("string", Kind.STRING, null);
    public static final GoType INT = new GoType("int", Kind.INT, null);
    public static final GoType INT64 = new GoType("int64", Kind.INT64, null);
    public static final GoType FLOAT64 = new GoType("float64", Kind.FLOAT64, null);
    public static final GoType BOOL = new GoType("bool", Kind.BOOL, null);
    public static final GoType LIST = new GoType("[]interface {}", Kind.SLICE, null);
    public static final GoType STRING_LIST = new GoType("[]string", Kind.SLICE, null);
    public static final GoType MAP = new GoType("map[string]interface {}", Kind.MAP, null);

    public GoType {
        Objects.requireNonNull(goName, "goName");
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.OBJECT) != (javaClass != null)) {
            throw new IllegalArgumentException("javaClass is required exactly for OBJECT types: " + goName);
        }
    }

    /** A struct or named type, e.g. {@code object("time.Time", GoTime.class)}. */
    public static GoType object(String goName, Class<?> javaClass) {
        return new GoType(goName, Kind.OBJECT, javaClass);
    }

    @Override
    public String toString() {
        return goName;
    }
}
