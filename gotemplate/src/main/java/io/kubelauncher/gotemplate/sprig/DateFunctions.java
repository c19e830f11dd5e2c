package io.kubelauncher.gotemplate.sprig;

import static io.kubelauncher.gotemplate.sprig.Registry.sig;
import static io.kubelauncher.gotemplate.sprig.Types.ANY;
import static io.kubelauncher.gotemplate.sprig.Types.STRING;
import static io.kubelauncher.gotemplate.sprig.Types.TIME;

import io.kubelauncher.gotemplate.function.FunctionException;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** Sprig's date.go: Go time formatting, parsing, durations, with an injected clock and local zone. */
final class DateFunctions {

    private final Clock clock;
    private final ZoneId local;
    private final long monotonicBase = System.nanoTime();

    private DateFunctions(Clock clock, ZoneId local) {
        this.clock = clock;
        this.local = local;
    }

    static void register(Registry r, Clock clock, ZoneId local) {
        DateFunctions d = new DateFunctions(clock, local);
        r.add("now", sig(TIME), a -> d.now());
        r.add("date", sig(STRING, STRING, ANY), a -> d.dateInZone((String) a[0], a[1], "Local"));
        r.add("dateInZone", sig(STRING, STRING, ANY, STRING), a -> d.dateInZone((String) a[0], a[1], (String) a[2]));
        r.alias("date_in_zone", "dateInZone");
        r.add("htmlDate", sig(STRING, ANY), a -> d.dateInZone("2006-01-02", a[0], "Local"));
        r.add("htmlDateInZone", sig(STRING, ANY, STRING), a -> d.dateInZone("2006-01-02", a[0], (String) a[1]));
        r.add("dateModify", sig(TIME, STRING, TIME), a -> {
            try {
                return plus((GoTime) a[1], GoDuration.parse((String) a[0]));
            } catch (IllegalArgumentException e) {
                return a[1];
            }
        });
        r.alias("date_modify", "dateModify");
        r.add("mustDateModify", sig(TIME, STRING, TIME).withError(), a -> {
            try {
                return plus((GoTime) a[1], GoDuration.parse((String) a[0]));
            } catch (IllegalArgumentException e) {
                throw new FunctionException(e.getMessage());
            }
        });
        r.alias("must_date_modify", "mustDateModify");
        r.add("ago", sig(STRING, ANY), a -> {
            GoTime t = d.timeOf(a[0]);
            long since = d.sinceNanos(t);
            return GoDuration.format(GoDuration.round(since, GoDuration.SECOND));
        });
        r.add("duration", sig(STRING, ANY), a -> {
            long n = 0;
            if (a[0] instanceof String s) {
                try {
                    n = GoNumbers.parseInt(s, 10);
                } catch (NumberFormatException e) {
                    n = 0;
                }
            } else if (a[0] instanceof Long l) {
                n = l;
            }
            return GoDuration.format(n * GoDuration.SECOND);
        });
        r.add("durationRound", sig(STRING, ANY), a -> durationRound(d, a[0]));
        r.add("toDate", sig(TIME, STRING, STRING), a -> {
            try {
                return d.parse((String) a[0], (String) a[1]);
            } catch (GoTimeLayout.ParseError e) {
                return GoTime.zero();
            }
        });
        r.add("mustToDate", sig(TIME, STRING, STRING).withError(), a -> {
            try {
                return d.parse((String) a[0], (String) a[1]);
            } catch (GoTimeLayout.ParseError e) {
                throw new FunctionException(e.getMessage());
            }
        });
        r.add("unixEpoch", sig(STRING, TIME), a -> Long.toString(((GoTime) a[0]).unix()));
    }

    private GoTime now() {
        ZonedDateTime t = Instant.now(clock).atZone(local);
        return new GoTime(t, GoTime.abbreviation(t), "Local", System.nanoTime() - monotonicBase + 1);
    }

    /** The time a date argument stands for: a time.Time, Unix seconds as int/int64, else now. */
    private GoTime timeOf(Object date) {
        if (date instanceof GoTime t) {
            return t;
        }
        if (date instanceof Long || date instanceof Integer) {
            long secs = ((Number) date).longValue();
            return GoTime.of(Instant.ofEpochSecond(secs).atZone(local), "Local");
        }
        return now();
    }

    private String dateInZone(String fmt, Object date, String zone) {
        GoTime t = timeOf(date);
        GoTime in;
        if (zone.equals("Local")) {
            in = t.in(local, "Local");
        } else if (zone.isEmpty() || zone.equals("UTC")) {
            in = t.in(ZoneOffset.UTC, "UTC");
        } else if (ZoneId.getAvailableZoneIds().contains(zone)) {
            in = t.in(ZoneId.of(zone), zone);
        } else {
            in = t.in(ZoneOffset.UTC, "UTC");
        }
        return in.format(fmt);
    }

    private long sinceNanos(GoTime t) {
        Instant now = Instant.now(clock);
        Instant then = t.time().toInstant();
        long secs = now.getEpochSecond() - then.getEpochSecond();
        long nanos = now.getNano() - then.getNano();
        return secs * 1_000_000_000L + nanos;
    }

    private GoTime parse(String layout, String value) throws GoTimeLayout.ParseError {
        GoTimeLayout.Parsed p = GoTimeLayout.parse(layout, value, local);
        String location = p.local() ? "Local" : p.zoneName().equals("UTC") && p.time().getOffset().getTotalSeconds() == 0
                ? "UTC" : p.zoneName();
        return new GoTime(p.time(), p.zoneName(), location, null);
    }

    private static GoTime plus(GoTime t, long nanos) {
        ZonedDateTime shifted = t.time().plusNanos(nanos);
        return new GoTime(shifted, GoTime.abbreviation(shifted).isEmpty() ? t.zoneName() : GoTime.abbreviation(shifted),
                t.location(), t.monotonicNanos() == null ? null : t.monotonicNanos() + nanos);
    }

    private static String durationRound(DateFunctions d, Object duration) {
        long dur = 0;
        if (duration instanceof String s) {
            try {
                dur = GoDuration.parse(s);
            } catch (IllegalArgumentException e) {
                dur = 0;
            }
        } else if (duration instanceof Long l) {
            dur = l;
        } else if (duration instanceof GoTime t) {
            dur = d.sinceNanos(t);
        }
        long u = dur < 0 ? -dur : dur;
        long year = GoDuration.HOUR * 24 * 365;
        long month = GoDuration.HOUR * 24 * 30;
        long day = GoDuration.HOUR * 24;
        if (Long.compareUnsigned(u, year) > 0) {
            return Long.divideUnsigned(u, year) + "y";
        } else if (Long.compareUnsigned(u, month) > 0) {
            return Long.divideUnsigned(u, month) + "mo";
        } else if (Long.compareUnsigned(u, day) > 0) {
            return Long.divideUnsigned(u, day) + "d";
        } else if (Long.compareUnsigned(u, GoDuration.HOUR) > 0) {
            return Long.divideUnsigned(u, GoDuration.HOUR) + "h";
        } else if (Long.compareUnsigned(u, GoDuration.MINUTE) > 0) {
            return Long.divideUnsigned(u, GoDuration.MINUTE) + "m";
        } else if (Long.compareUnsigned(u, GoDuration.SECOND) > 0) {
            return Long.divideUnsigned(u, GoDuration.SECOND) + "s";
        }
        return "0s";
    }
}
