/**
 * Go's {@code fmt} and the parts of {@code strconv} that templates observe, for the template value
 * model: {@link io.kubelauncher.gotemplate.format.GoFmt} ({@code Sprint}, {@code Sprintln},
 * {@code Sprintf} with every verb and flag, {@code %T}, and {@code formatValue} for output printing),
 * {@link io.kubelauncher.gotemplate.format.GoStrconv} ({@code FormatFloat} shortest and fixed,
 * {@code Quote}) and {@link io.kubelauncher.gotemplate.format.GoStringOrder} (Go's bytewise string order).
 *
 * <p>Known difference: Go strings are bytes and may hold invalid UTF-8 (for example after
 * {@code substr} cuts a character); Java strings cannot, so such bytes become U+FFFD.
 */
package io.kubelauncher.gotemplate.format;
