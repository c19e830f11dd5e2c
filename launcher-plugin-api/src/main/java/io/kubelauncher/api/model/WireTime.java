package io.kubelauncher.api.model;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;

/**
 * Date-times as the protocol carries them (spec 7.3 and 6.3).
 *
 * <p>Output is UTC with {@code Z} and microseconds, the fraction left out when it is zero, as the
 * C++ SDK writes it. Input is lenient because the two reference clients disagree: with or without
 * a fraction (up to nanoseconds), with {@code Z}, an offset ({@code +H:MM}, {@code +HH:MM},
 * {@code +HHMM}, {@code +HH}) or no zone at all, which means UTC.
 */
public final class WireTime {

    private static final Pattern INPUT = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})[Tt ](\\d{2}):(\\d{2}):(\\d{2})(?:[.,](\\d{1,9}))?"
                    + "(?:([Zz])|([+-])(\\d{1,2})(?::?(\\d{2}))?)?");

    private WireTime() {
    }

    public static String format(Instant instant) {
        // hand-rolled: this runs for every job in every Job State answer, and String.format is slow
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        StringBuilder out = new StringBuilder(27);
        int year = t.getYear();
        if (year < 0 || year > 9999) {
            return instant.truncatedTo(ChronoUnit.MICROS).toString();
        }
        pad(out, year, 4).append('-');
        pad(out, t.getMonthValue(), 2).append('-');
        pad(out, t.getDayOfMonth(), 2).append('T');
        pad(out, t.getHour(), 2).append(':');
        pad(out, t.getMinute(), 2).append(':');
        pad(out, t.getSecond(), 2);
        int micro = instant.getNano() / 1000;
        if (micro != 0) {
            pad(out.append('.'), micro, 6);
        }
        return out.append('Z').toString();
    }

    private static StringBuilder pad(StringBuilder out, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            out.append('0');
        }
        return out.append(digits);
    }

    /** @throws IllegalArgumentException naming the text when it is not a date-time we accept */
    public static Instant parse(String text) {
        Matcher m = INPUT.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("invalid date-time \"" + text
                    + "\" (expected YYYY-MM-DDThh:mm:ss[.fraction][Z|+hh:mm])");
        }
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
            int nanos = 0;
            if (m.group(7) != null) {
                String fraction = (m.group(7) + "000000000").substring(0, 9);
                nanos = Integer.parseInt(fraction);
            }
            LocalTime time = LocalTime.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                    Integer.parseInt(m.group(6)), nanos);
            ZoneOffset offset = ZoneOffset.UTC;
            if (m.group(9) != null) {
                int hours = Integer.parseInt(m.group(10));
                int minutes = m.group(11) == null ? 0 : Integer.parseInt(m.group(11));
                int sign = m.group(9).equals("-") ? -1 : 1;
                offset = ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
            }
            return date.atTime(time).toInstant(offset);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("invalid date-time \"" + text + "\": " + e.getMessage(), e);
        }
    }

    /** Jackson serializer for {@link Instant} fields of the wire model. */
    public static final class Serializer extends ValueSerializer<Instant> {
        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializationContext ctxt) throws JacksonException {
            gen.writeString(format(value));
        }
    }

    /** Jackson deserializer for {@link Instant} fields of the wire model. */
    public static final class Deserializer extends ValueDeserializer<Instant> {
        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
            }
            String text = p.getString();
            try {
                return parse(text);
            } catch (IllegalArgumentException e) {
                return (Instant) ctxt.handleWeirdStringValue(Instant.class, text, e.getMessage());
            }
        }
    }
}
