package io.kubelauncher.gotemplate.encoding;

/**
 * A non-JSON-shaped value ({@link io.kubelauncher.gotemplate.function.GoValue}) that knows what
 * Go's {@code encoding/json} makes of it: a struct's exported fields as a map, a
 * {@code MarshalJSON}/{@code MarshalText} result as a string...
 */
public interface JsonMarshaler {

    /**
     * The value's JSON form in the template value model (Map with String keys, List, String,
     * Boolean, Integer/Long/Double or null).
     *
     * @throws JsonException when Go's marshaling fails for this value
     */
    Object toJsonValue() throws JsonException;
}
