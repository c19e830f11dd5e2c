/**
 * Sprig 3.2.3's {@code TxtFuncMap()}: all 210 functions, each a
 * {@link io.kubelauncher.gotemplate.function.TemplateFunction} with its Go signature.
 *
 * <pre>{@code
 * Map<String, TemplateFunction> sprig = SprigLibrary.create().functions();
 * // or, with the outside world pinned (tests) or supplied (the plugin):
 * SprigLibrary.builder().clock(clock).localZone(zone).random(random)
 *         .environment(env::get).hostResolver(resolver).build().functions();
 * }</pre>
 *
 * <p>Deterministic functions match Go byte for byte (checked against the Go oracle). Functions of
 * time, randomness and key generation use the injected clock, zone and {@link java.util.Random}
 * and produce values of Go's shape; generated keys, certificates, AES ciphertexts and bcrypt hashes
 * are accepted by Go.
 *
 * <p>Known differences from Go:
 * <ul>
 *   <li>regexp: patterns are RE2-checked and translated to {@link java.util.regex}; the RE2 {@code U}
 *       (ungreedy) flag is ignored, and Unicode class tables follow Java's Unicode version.</li>
 *   <li>Zone offsets come from Java's tz database and abbreviations from the system's
 *       /usr/share/zoneinfo (as Go reads them); where that file is missing Java's zone names are used
 *       (e.g. "GST" where tzdata writes "+04").</li>
 *   <li>{@code int}, {@code atoi}... return Integer (Go {@code int}) when the value fits 32 bits
 *       and Long otherwise (Go's int is 64-bit); {@code uint64} semver parts are Long.</li>
 *   <li>{@code keys} and {@code values} follow the map's iteration order (Go's is random).</li>
 *   <li>byte-cutting functions ({@code substr}, {@code trunc}, {@code abbrev}) cannot produce
 *       invalid UTF-8; the broken character becomes U+FFFD.</li>
 * </ul>
 */
package io.kubelauncher.gotemplate.sprig;
