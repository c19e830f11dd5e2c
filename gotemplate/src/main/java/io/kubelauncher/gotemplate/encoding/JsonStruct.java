package io.kubelauncher.gotemplate.encoding;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Go struct's JSON form: its exported fields in declaration order (encoding/json keeps struct
 * field order, while it sorts map keys).
 *
 * @param fields field name to value, in declaration order
 */
public record JsonStruct(Map<String, Object> fields) {

    public JsonStruct {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }
}
