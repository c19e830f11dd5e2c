package io.kubelauncher.gotemplate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads JSON the way Go's {@code encoding/json} decodes into {@code interface{}}: objects become
 * {@code Map<String, Object>} (the last of duplicate keys wins), arrays {@code List<Object>}, every
 * number a {@link Double} (parsed as {@code strconv.ParseFloat} would, correctly rounded), {@code null} null.
 */
public final class GoJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    private GoJson() {
    }

    /** Bad JSON, or JSON of the wrong shape. */
    public static final class JsonException extends Exception {
        private static final long serialVersionUID = 1L;

        JsonException(String message) {
            super(message, null, false, false);
        }
    }

    /** Any JSON value. */
    public static Object read(byte[] json) throws JsonException {
        try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), json)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new JsonException("unexpected end of JSON input");
            }
            Object value = readValue(p, t);
            if (p.nextToken() != null) {
                throw new JsonException("invalid character after top-level value at " + location(p));
            }
            return value;
        } catch (JacksonException e) {
            throw new JsonException(e.getOriginalMessage() + " at " + location(e));
        }
    }

    /**
     * A JSON object, as Go's {@code json.Unmarshal} into {@code map[string]interface{}}: {@code null}
     * gives an empty map (Go's nil map behaves the same in templates).
     */
    public static Map<String, Object> readObject(byte[] json) throws JsonException {
        Object value = read(json);
        if (value == null) {
            return new LinkedHashMap<>();
        }
        if (!(value instanceof Map)) {
            throw new JsonException("json: cannot unmarshal " + goKind(value) + " into Go value of type map[string]interface {}");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) value;
        return map;
    }

    private static String goKind(Object value) {
        if (value instanceof List) {
            return "array";
        }
        if (value instanceof String) {
            return "string";
        }
        if (value instanceof Double) {
            return "number";
        }
        return "bool";
    }

    private static Object readValue(JsonParser p, JsonToken t) throws JsonException {
        switch (t) {
            case START_OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                    String key = p.currentName();
                    map.put(key, readValue(p, p.nextToken()));
                }
                return map;
            }
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                JsonToken e;
                while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
                    list.add(readValue(p, e));
                }
                return list;
            }
            case VALUE_STRING:
                return p.getString();
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT: {
                String text = p.getText();
                double d = Double.parseDouble(text);
                if (Double.isInfinite(d)) {
                    throw new JsonException("json: cannot unmarshal number " + text + " into Go value of type float64");
                }
                return d;
            }
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new JsonException("unexpected " + t + " at " + location(p));
        }
    }

    private static String location(JsonParser p) {
        return "line " + p.currentLocation().getLineNr() + ", column " + p.currentLocation().getColumnNr();
    }

    private static String location(JacksonException e) {
        return e.getLocation() == null ? "unknown location"
                : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }
}
