/**
 * Go's {@code encoding/json} ({@link io.kubelauncher.gotemplate.encoding.GoJson}: Marshal with sorted
 * keys and HTML escaping, MarshalIndent, the non-escaping Encoder, Unmarshal with Go's syntax
 * error texts) and Go's base64/base32 decoders ({@link io.kubelauncher.gotemplate.encoding.GoBase}).
 * Values that are not JSON-shaped implement {@link io.kubelauncher.gotemplate.encoding.JsonMarshaler};
 * structs keep field order through {@link io.kubelauncher.gotemplate.encoding.JsonStruct}.
 */
package io.kubelauncher.gotemplate.encoding;
