package io.kubelauncher.gotemplate.sprig;

import io.kubelauncher.gotemplate.encoding.JsonMarshaler;
import io.kubelauncher.gotemplate.function.GoValue;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/**
 * Go's {@code time.Time}: an instant in a location, printed as
 * {@code 2006-01-02 15:04:05.999999999 -0700 MST} (plus {@code m=+0.000123456} when it carries a
 * monotonic clock reading, as {@code now} does).
 *
 * @param time the instant and its zone
 * @param zoneName the zone abbreviation Go prints for {@code MST} ("" when the zone has none)
 * @param location Go's location name ({@code Local}, {@code UTC}, {@code Europe/Paris}...)
 * @param monotonicNanos the monotonic reading in nanoseconds, or null
 */
public record GoTime(ZonedDateTime time, String zoneName, String location, Long monotonicNanos)
        implements GoValue, JsonMarshaler {

    static final String STRING_LAYOUT = "2006-01-02 15:04:05.999999999 -0700 MST";
    static final String RFC3339_NANO = "2006-01-02T15:04:05.999999999Z07:00";
    private static final DateTimeFormatter ZONE_NAME = DateTimeFormatter.ofPattern("zzz", Locale.US);

    public GoTime {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(zoneName, "zoneName");
        Objects.requireNonNull(location, "location");
    }

    /** Go's zero Time: January 1, year 1, 00:00:00 UTC. */
    static GoTime zero() {
        return new GoTime(ZonedDateTime.of(1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), "UTC", "UTC", null);
    }

    /** The time in a zone, named as Go's location {@code location}. */
    static GoTime of(ZonedDateTime t, String location) {
        return new GoTime(t, abbreviation(t), location, null);
    }

    /** Go's zone abbreviation: tzdata's where Java knows it, else "+03"/"+0530" as tzdata writes them. */
    static String abbreviation(ZonedDateTime t) {
        ZoneId z = t.getZone();
        if (z instanceof ZoneOffset o) {
            return o.getTotalSeconds() == 0 ? "UTC" : "";
        }
        String id = z.getId();
        if (id.equals("UTC") || id.equals("Etc/UTC") || id.equals("Etc/UCT") || id.equals("UCT") || id.equals("Zulu")
                || id.equals("Etc/Zulu") || id.equals("Universal") || id.equals("Etc/Universal")) {
            return "UTC";
        }
        String tzdata = ZoneAbbreviations.lookup(z, t.toInstant());
        if (tzdata != null) {
            return tzdata;
        }
        String name = ZONE_NAME.format(t);
        if (name.startsWith("GMT") && name.length() > 3) {
            int secs = t.getOffset().getTotalSeconds();
            int minutes = Math.abs(secs) / 60;
            String sign = secs < 0 ? "-" : "+";
            return minutes % 60 == 0 ? String.format("%s%02d", sign, minutes / 60)
                    : String.format("%s%02d%02d", sign, minutes / 60, minutes % 60);
        }
        return name;
    }

    /** Time.In(loc). */
    GoTime in(ZoneId zone, String locationName) {
        ZonedDateTime t = time.withZoneSameInstant(zone);
        return new GoTime(t, abbreviation(t), locationName, monotonicNanos);
    }

    String format(String layout) {
        return GoTimeLayout.format(time, zoneName, layout);
    }

    long unix() {
        return time.toEpochSecond();
    }

    @Override
    public String goTypeName() {
        return "time.Time";
    }

    @Override
    public String goString() {
        String s = format(STRING_LAYOUT);
        if (monotonicNanos != null) {
            long m = monotonicNanos;
            String sign = m < 0 ? "-" : "+";
            m = Math.abs(m);
            s += " m=" + sign + (m / 1_000_000_000L) + "." + String.format("%09d", m % 1_000_000_000L);
        }
        return s;
    }

    @Override
    public Object field(String name) throws NoSuchFieldException {
        return switch (name) {
            case "Year" -> time.getYear();
            case "Month" -> GoTimeLayout.LONG_MONTHS[time.getMonthValue() - 1];
            case "Day" -> time.getDayOfMonth();
            case "Hour" -> time.getHour();
            case "Minute" -> time.getMinute();
            case "Second" -> time.getSecond();
            case "Nanosecond" -> time.getNano();
            case "YearDay" -> time.getDayOfYear();
            case "Weekday" -> GoTimeLayout.LONG_DAYS[time.getDayOfWeek().getValue() % 7];
            case "Unix" -> time.toEpochSecond();
            case "UnixMilli" -> time.toInstant().toEpochMilli();
            case "UnixNano" -> time.toEpochSecond() * 1_000_000_000L + time.getNano();
            case "Location" -> location;
            case "String" -> goString();
            case "IsZero" -> time.toEpochSecond() == zero().time.toEpochSecond() && time.getNano() == 0;
            default -> throw new NoSuchFieldException(name);
        };
    }

    @Override
    public Object toJsonValue() {
        return format(RFC3339_NANO);
    }
}
