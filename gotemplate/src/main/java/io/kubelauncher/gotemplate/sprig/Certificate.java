package io.kubelauncher.gotemplate.sprig;

import io.kubelauncher.gotemplate.encoding.JsonMarshaler;
import io.kubelauncher.gotemplate.encoding.JsonStruct;
import io.kubelauncher.gotemplate.function.GoValue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Sprig's {@code certificate} struct: PEM certificate and PEM private key. */
public record Certificate(String cert, String key) implements GoValue, JsonMarshaler {

    public Certificate {
        Objects.requireNonNull(cert, "cert");
        Objects.requireNonNull(key, "key");
    }

    @Override
    public String goTypeName() {
        return "sprig.certificate";
    }

    /** Go prints the plain struct: {CERT KEY}. */
    @Override
    public String goString() {
        return "{" + cert + " " + key + "}";
    }

    @Override
    public boolean isStringer() {
        return false;
    }

    @Override
    public Object field(String name) throws NoSuchFieldException {
        return switch (name) {
            case "Cert" -> cert;
            case "Key" -> key;
            default -> throw new NoSuchFieldException(name);
        };
    }

    @Override
    public Object toJsonValue() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("Cert", cert);
        fields.put("Key", key);
        return new JsonStruct(fields);
    }
}
