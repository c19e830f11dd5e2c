package io.kubelauncher.gotemplate.sprig;

import static io.kubelauncher.gotemplate.sprig.Registry.sig;
import static io.kubelauncher.gotemplate.sprig.Types.ANY;
import static io.kubelauncher.gotemplate.sprig.Types.STRING;

import io.kubelauncher.gotemplate.encoding.GoBase;
import io.kubelauncher.gotemplate.encoding.GoJson;
import io.kubelauncher.gotemplate.encoding.JsonException;
import io.kubelauncher.gotemplate.function.FunctionException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Sprig's base64/base32 and JSON functions (Sprig's own fromJson/toJson, not Helm's). */
final class EncodingFunctions {

    private EncodingFunctions() {
    }

    static void register(Registry r) {
        r.add("b64enc", sig(STRING, STRING),
                a -> Base64.getEncoder().encodeToString(((String) a[0]).getBytes(StandardCharsets.UTF_8)));
        r.add("b64dec", sig(STRING, STRING), a -> {
            try {
                return new String(GoBase.base64Decode(((String) a[0]).getBytes(StandardCharsets.UTF_8)),
                        StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
        });
        r.add("b32enc", sig(STRING, STRING), a -> GoBase.base32Encode(((String) a[0]).getBytes(StandardCharsets.UTF_8)));
        r.add("b32dec", sig(STRING, STRING), a -> {
            try {
                return new String(GoBase.base32Decode(((String) a[0]).getBytes(StandardCharsets.UTF_8)),
                        StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
        });
        r.add("fromJson", sig(ANY, STRING), a -> {
            try {
                return GoJson.unmarshalPartial((String) a[0]);
            } catch (JsonException e) {
                return null;
            }
        });
        r.add("mustFromJson", sig(ANY, STRING).withError(), a -> {
            try {
                return GoJson.unmarshal((String) a[0]);
            } catch (JsonException e) {
                throw new FunctionException(e.getMessage());
            }
        });
        r.add("toJson", sig(STRING, ANY), a -> orEmpty(() -> GoJson.marshal(a[0])));
        r.add("mustToJson", sig(STRING, ANY).withError(), a -> orError(() -> GoJson.marshal(a[0])));
        r.add("toPrettyJson", sig(STRING, ANY), a -> orEmpty(() -> GoJson.marshalIndent(a[0], "", "  ")));
        r.add("mustToPrettyJson", sig(STRING, ANY).withError(), a -> orError(() -> GoJson.marshalIndent(a[0], "", "  ")));
        // toRawJson panics on a marshal error; the executor reports a panic like an error.
        r.add("toRawJson", sig(STRING, ANY), a -> orError(() -> GoJson.marshalRaw(a[0])));
        r.add("mustToRawJson", sig(STRING, ANY).withError(), a -> orError(() -> GoJson.marshalRaw(a[0])));
    }

    @FunctionalInterface
    private interface Marshal {
        String run() throws JsonException;
    }

    private static String orEmpty(Marshal m) {
        try {
            return m.run();
        } catch (JsonException e) {
            return "";
        }
    }

    private static String orError(Marshal m) throws FunctionException {
        try {
            return m.run();
        } catch (JsonException e) {
            throw new FunctionException(e.getMessage());
        }
    }
}
