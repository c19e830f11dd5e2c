package io.kubelauncher.gotemplate.sprig;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Go's reference-time layouts ({@code Mon Jan 2 15:04:05 MST 2006}): {@code Time.Format} and
 * {@code time.ParseInLocation}, with Go's chunking rules and parse error texts.
 */
final class GoTimeLayout {

    // std codes
    private static final int NONE = 0;
    private static final int LONG_MONTH = 1;
    private static final int MONTH = 2;
    private static final int NUM_MONTH = 3;
    private static final int ZERO_MONTH = 4;
    private static final int LONG_WEEKDAY = 5;
    private static final int WEEKDAY = 6;
    private static final int DAY = 7;
    private static final int UNDER_DAY = 8;
    private static final int ZERO_DAY = 9;
    private static final int UNDER_YEARDAY = 10;
    private static final int ZERO_YEARDAY = 11;
    private static final int HOUR = 12;
    private static final int HOUR12 = 13;
    private static final int ZERO_HOUR12 = 14;
    private static final int MINUTE = 15;
    private static final int ZERO_MINUTE = 16;
    private static final int SECOND = 17;
    private static final int ZERO_SECOND = 18;
    private static final int LONG_YEAR = 19;
    private static final int YEAR = 20;
    private static final int PM = 21;
    private static final int LOWER_PM = 22;
    private static final int TZ = 23;
    private static final int ISO_TZ = 24;
    private static final int ISO_SECONDS_TZ = 25;
    private static final int ISO_SHORT_TZ = 26;
    private static final int ISO_COLON_TZ = 27;
    private static final int ISO_COLON_SECONDS_TZ = 28;
    private static final int NUM_TZ = 29;
    private static final int NUM_SECONDS_TZ = 30;
    private static final int NUM_SHORT_TZ = 31;
    private static final int NUM_COLON_TZ = 32;
    private static final int NUM_COLON_SECONDS_TZ = 33;
    private static final int FRAC0 = 34;
    private static final int FRAC9 = 35;

    private static final int[] STD0X = {ZERO_MONTH, ZERO_DAY, ZERO_HOUR12, ZERO_MINUTE, ZERO_SECOND, YEAR};
    static final String[] LONG_MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December"};
    static final String[] LONG_DAYS = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};

    /** One step of nextStdChunk: literal prefix, std code (with digits/separator for fractions), rest. */
    private record Chunk(String prefix, int std, int fracDigits, char fracSep, String suffix) {
        String stdText(String layout) {
            return layout.substring(prefix.length(), layout.length() - suffix.length());
        }
    }

    private GoTimeLayout() {
    }

    private static boolean startsWithLowerCase(String s, int i) {
        return i < s.length() && s.charAt(i) >= 'a' && s.charAt(i) <= 'z';
    }

    private static Chunk nextStdChunk(String layout) {
        for (int i = 0; i < layout.length(); i++) {
            char c = layout.charAt(i);
            String p = layout.substring(0, i);
            switch (c) {
                case 'J':
                    if (layout.startsWith("Jan", i)) {
                        if (layout.startsWith("January", i)) {
                            return new Chunk(p, LONG_MONTH, 0, ' ', layout.substring(i + 7));
                        }
                        if (!startsWithLowerCase(layout, i + 3)) {
                            return new Chunk(p, MONTH, 0, ' ', layout.substring(i + 3));
                        }
                    }
                    break;
                case 'M':
                    if (layout.startsWith("Mon", i)) {
                        if (layout.startsWith("Monday", i)) {
                            return new Chunk(p, LONG_WEEKDAY, 0, ' ', layout.substring(i + 6));
                        }
                        if (!startsWithLowerCase(layout, i + 3)) {
                            return new Chunk(p, WEEKDAY, 0, ' ', layout.substring(i + 3));
                        }
                    }
                    if (layout.startsWith("MST", i)) {
                        return new Chunk(p, TZ, 0, ' ', layout.substring(i + 3));
                    }
                    break;
                case '0':
                    if (i + 1 < layout.length() && layout.charAt(i + 1) >= '1' && layout.charAt(i + 1) <= '6') {
                        return new Chunk(p, STD0X[layout.charAt(i + 1) - '1'], 0, ' ', layout.substring(i + 2));
                    }
                    if (layout.startsWith("002", i)) {
                        return new Chunk(p, ZERO_YEARDAY, 0, ' ', layout.substring(i + 3));
                    }
                    break;
                case '1':
                    if (i + 1 < layout.length() && layout.charAt(i + 1) == '5') {
                        return new Chunk(p, HOUR, 0, ' ', layout.substring(i + 2));
                    }
                    return new Chunk(p, NUM_MONTH, 0, ' ', layout.substring(i + 1));
                case '2':
                    if (layout.startsWith("2006", i)) {
                        return new Chunk(p, LONG_YEAR, 0, ' ', layout.substring(i + 4));
                    }
                    return new Chunk(p, DAY, 0, ' ', layout.substring(i + 1));
                case '_':
                    if (i + 1 < layout.length() && layout.charAt(i + 1) == '2') {
                        if (layout.startsWith("2006", i + 1)) {
                            return new Chunk(layout.substring(0, i + 1), LONG_YEAR, 0, ' ', layout.substring(i + 5));
                        }
                        return new Chunk(p, UNDER_DAY, 0, ' ', layout.substring(i + 2));
                    }
                    if (layout.startsWith("__2", i)) {
                        return new Chunk(p, UNDER_YEARDAY, 0, ' ', layout.substring(i + 3));
                    }
                    break;
                case '3':
                    return new Chunk(p, HOUR12, 0, ' ', layout.substring(i + 1));
                case '4':
                    return new Chunk(p, MINUTE, 0, ' ', layout.substring(i + 1));
                case '5':
                    return new Chunk(p, SECOND, 0, ' ', layout.substring(i + 1));
                case 'P':
                    if (i + 1 < layout.length() && layout.charAt(i + 1) == 'M') {
                        return new Chunk(p, PM, 0, ' ', layout.substring(i + 2));
                    }
                    break;
                case 'p':
                    if (i + 1 < layout.length() && layout.charAt(i + 1) == 'm') {
                        return new Chunk(p, LOWER_PM, 0, ' ', layout.substring(i + 2));
                    }
                    break;
                case '-':
                    if (layout.startsWith("-070000", i)) {
                        return new Chunk(p, NUM_SECONDS_TZ, 0, ' ', layout.substring(i + 7));
                    }
                    if (layout.startsWith("-07:00:00", i)) {
                        return new Chunk(p, NUM_COLON_SECONDS_TZ, 0, ' ', layout.substring(i + 9));
                    }
                    if (layout.startsWith("-0700", i)) {
                        return new Chunk(p, NUM_TZ, 0, ' ', layout.substring(i + 5));
                    }
                    if (layout.startsWith("-07:00", i)) {
                        return new Chunk(p, NUM_COLON_TZ, 0, ' ', layout.substring(i + 6));
                    }
                    if (layout.startsWith("-07", i)) {
                        return new Chunk(p, NUM_SHORT_TZ, 0, ' ', layout.substring(i + 3));
                    }
                    break;
                case 'Z':
                    if (layout.startsWith("Z070000", i)) {
                        return new Chunk(p, ISO_SECONDS_TZ, 0, ' ', layout.substring(i + 7));
                    }
                    if (layout.startsWith("Z07:00:00", i)) {
                        return new Chunk(p, ISO_COLON_SECONDS_TZ, 0, ' ', layout.substring(i + 9));
                    }
                    if (layout.startsWith("Z0700", i)) {
                        return new Chunk(p, ISO_TZ, 0, ' ', layout.substring(i + 5));
                    }
                    if (layout.startsWith("Z07:00", i)) {
                        return new Chunk(p, ISO_COLON_TZ, 0, ' ', layout.substring(i + 6));
                    }
                    if (layout.startsWith("Z07", i)) {
                        return new Chunk(p, ISO_SHORT_TZ, 0, ' ', layout.substring(i + 3));
                    }
                    break;
                case '.', ',':
                    if (i + 1 < layout.length() && (layout.charAt(i + 1) == '0' || layout.charAt(i + 1) == '9')) {
                        char ch = layout.charAt(i + 1);
                        int j = i + 1;
                        while (j < layout.length() && layout.charAt(j) == ch) {
                            j++;
                        }
                        if (!(j < layout.length() && layout.charAt(j) >= '0' && layout.charAt(j) <= '9')) {
                            return new Chunk(p, ch == '0' ? FRAC0 : FRAC9, j - (i + 1), c, layout.substring(j));
                        }
                    }
                    break;
                default:
                    break;
            }
        }
        return new Chunk(layout, NONE, 0, ' ', "");
    }

    // ------------------------------------------------------------------ formatting

    /** Time.Format(layout) for a time in a zone whose abbreviation is {@code zoneName} ("" when none). */
    static String format(ZonedDateTime t, String zoneName, String layout) {
        StringBuilder b = new StringBuilder(layout.length() + 10);
        int year = t.getYear();
        int month = t.getMonthValue();
        int day = t.getDayOfMonth();
        int yday = t.getDayOfYear();
        int hour = t.getHour();
        int min = t.getMinute();
        int sec = t.getSecond();
        int offset = t.getOffset().getTotalSeconds();
        while (!layout.isEmpty()) {
            Chunk c = nextStdChunk(layout);
            b.append(c.prefix());
            if (c.std() == NONE) {
                break;
            }
            layout = c.suffix();
            switch (c.std()) {
                case YEAR -> appendInt(b, Math.abs(year % 100), 2);
                case LONG_YEAR -> appendInt(b, year, 4);
                case MONTH -> b.append(LONG_MONTHS[month - 1], 0, 3);
                case LONG_MONTH -> b.append(LONG_MONTHS[month - 1]);
                case NUM_MONTH -> appendInt(b, month, 0);
                case ZERO_MONTH -> appendInt(b, month, 2);
                case WEEKDAY -> b.append(LONG_DAYS[t.getDayOfWeek().getValue() % 7], 0, 3);
                case LONG_WEEKDAY -> b.append(LONG_DAYS[t.getDayOfWeek().getValue() % 7]);
                case DAY -> appendInt(b, day, 0);
                case UNDER_DAY -> {
                    if (day < 10) {
                        b.append(' ');
                    }
                    appendInt(b, day, 0);
                }
                case ZERO_DAY -> appendInt(b, day, 2);
                case UNDER_YEARDAY -> {
                    if (yday < 100) {
                        b.append(' ');
                        if (yday < 10) {
                            b.append(' ');
                        }
                    }
                    appendInt(b, yday, 0);
                }
                case ZERO_YEARDAY -> appendInt(b, yday, 3);
                case HOUR -> appendInt(b, hour, 2);
                case HOUR12 -> appendInt(b, hour % 12 == 0 ? 12 : hour % 12, 0);
                case ZERO_HOUR12 -> appendInt(b, hour % 12 == 0 ? 12 : hour % 12, 2);
                case MINUTE -> appendInt(b, min, 0);
                case ZERO_MINUTE -> appendInt(b, min, 2);
                case SECOND -> appendInt(b, sec, 0);
                case ZERO_SECOND -> appendInt(b, sec, 2);
                case PM -> b.append(hour >= 12 ? "PM" : "AM");
                case LOWER_PM -> b.append(hour >= 12 ? "pm" : "am");
                case TZ -> {
                    if (!zoneName.isEmpty()) {
                        b.append(zoneName);
                    } else {
                        int zone = offset / 60;
                        b.append(zone < 0 ? '-' : '+');
                        zone = Math.abs(zone);
                        appendInt(b, zone / 60, 2);
                        appendInt(b, zone % 60, 2);
                    }
                }
                case FRAC0, FRAC9 -> appendNano(b, t.getNano(), c.std(), c.fracDigits(), c.fracSep());
                default -> {
                    int std = c.std();
                    boolean iso = std >= ISO_TZ && std <= ISO_COLON_SECONDS_TZ;
                    if (offset == 0 && iso) {
                        b.append('Z');
                        break;
                    }
                    int zone = offset / 60;
                    int absoffset = offset;
                    if (zone < 0) {
                        b.append('-');
                        zone = -zone;
                        absoffset = -absoffset;
                    } else {
                        b.append('+');
                    }
                    appendInt(b, zone / 60, 2);
                    if (std == ISO_COLON_TZ || std == NUM_COLON_TZ || std == ISO_COLON_SECONDS_TZ || std == NUM_COLON_SECONDS_TZ) {
                        b.append(':');
                    }
                    if (std != NUM_SHORT_TZ && std != ISO_SHORT_TZ) {
                        appendInt(b, zone % 60, 2);
                    }
                    if (std == ISO_SECONDS_TZ || std == NUM_SECONDS_TZ || std == NUM_COLON_SECONDS_TZ
                            || std == ISO_COLON_SECONDS_TZ) {
                        if (std == NUM_COLON_SECONDS_TZ || std == ISO_COLON_SECONDS_TZ) {
                            b.append(':');
                        }
                        appendInt(b, absoffset % 60, 2);
                    }
                }
            }
        }
        return b.toString();
    }

    private static void appendInt(StringBuilder b, int x, int width) {
        if (x < 0) {
            b.append('-');
            x = -x;
        }
        String s = Integer.toString(x);
        for (int k = s.length(); k < width; k++) {
            b.append('0');
        }
        b.append(s);
    }

    private static void appendNano(StringBuilder b, int nanosec, int std, int digits, char sep) {
        String nine = String.format("%09d", nanosec);
        if (std == FRAC9) {
            String trimmed = nine.substring(0, Math.min(9, digits));
            int end = trimmed.length();
            while (end > 0 && trimmed.charAt(end - 1) == '0') {
                end--;
            }
            if (end == 0) {
                return;
            }
            b.append(sep).append(trimmed, 0, end);
            return;
        }
        b.append(sep).append(nine, 0, Math.min(9, digits));
        for (int k = 9; k < digits; k++) {
            b.append('0');
        }
    }

    // ------------------------------------------------------------------ parsing

    /** A failed parse with Go's message. */
    static final class ParseError extends Exception {
        private static final long serialVersionUID = 1L;

        ParseError(String message) {
            super(message, null, false, false);
        }
    }

    private static ParseError parseError(String layout, String value, String layoutElem, String valueElem, String message) {
        if (message.isEmpty()) {
            return new ParseError("parsing time " + GoDuration.quote(value) + " as " + GoDuration.quote(layout)
                    + ": cannot parse " + GoDuration.quote(valueElem) + " as " + GoDuration.quote(layoutElem));
        }
        return new ParseError("parsing time " + GoDuration.quote(value) + message);
    }

    /** A parsed time: the zoned date-time and the Go zone abbreviation it carries ("" for none). */
    record Parsed(ZonedDateTime time, String zoneName, boolean local) {
    }

    /** time.ParseInLocation(layout, value, local), where {@code local} is Go's time.Local. */
    static Parsed parse(String layout, String value, ZoneId local) throws ParseError {
        String alayout = layout;
        String avalue = value;
        int year = 0;
        int month = -1;
        int day = -1;
        int yday = -1;
        int hour = 0;
        int min = 0;
        int sec = 0;
        int nsec = 0;
        boolean utc = false;
        int zoneOffset = -1;
        boolean hasOffset = false;
        String zoneName = "";
        boolean pmSet = false;
        boolean amSet = false;
        while (true) {
            Chunk c = nextStdChunk(layout);
            String stdstr = c.stdText(layout);
            String rest = skip(value, c.prefix());
            if (rest == null) {
                throw parseError(alayout, avalue, c.prefix(), value, "");
            }
            value = rest;
            if (c.std() == NONE) {
                if (!value.isEmpty()) {
                    throw parseError(alayout, avalue, "", value, ": extra text: " + GoDuration.quote(value));
                }
                break;
            }
            layout = c.suffix();
            String hold = value;
            boolean bad = false;
            String rangeErr = "";
            int std = c.std();
            int[] num;
            switch (std) {
                case YEAR -> {
                    if (value.length() < 2 || !isDigits(value, 0, 2)) {
                        bad = true;
                    } else {
                        year = Integer.parseInt(value.substring(0, 2));
                        year += year >= 69 ? 1900 : 2000;
                        value = value.substring(2);
                    }
                }
                case LONG_YEAR -> {
                    if (value.length() < 4 || !isDigits(value, 0, 4)) {
                        bad = true;
                    } else {
                        year = Integer.parseInt(value.substring(0, 4));
                        value = value.substring(4);
                    }
                }
                case MONTH, LONG_MONTH -> {
                    int k = lookup(value, LONG_MONTHS, std == MONTH);
                    if (k < 0) {
                        bad = true;
                    } else {
                        month = k + 1;
                        value = value.substring(std == MONTH ? 3 : LONG_MONTHS[k].length());
                    }
                }
                case NUM_MONTH, ZERO_MONTH -> {
                    num = getnum(value, std == ZERO_MONTH);
                    if (num == null) {
                        bad = true;
                    } else {
                        month = num[0];
                        value = value.substring(num[1]);
                        if (month <= 0 || month > 12) {
                            rangeErr = "month";
                        }
                    }
                }
                case WEEKDAY, LONG_WEEKDAY -> {
                    int k = lookup(value, LONG_DAYS, std == WEEKDAY);
                    if (k < 0) {
                        bad = true;
                    } else {
                        value = value.substring(std == WEEKDAY ? 3 : LONG_DAYS[k].length());
                    }
                }
                case DAY, UNDER_DAY, ZERO_DAY -> {
                    if (std == UNDER_DAY && !value.isEmpty() && value.charAt(0) == ' ') {
                        value = value.substring(1);
                    }
                    num = getnum(value, std == ZERO_DAY);
                    if (num == null) {
                        bad = true;
                    } else {
                        day = num[0];
                        value = value.substring(num[1]);
                    }
                }
                case UNDER_YEARDAY, ZERO_YEARDAY -> {
                    for (int k = 0; k < 2; k++) {
                        if (std == UNDER_YEARDAY && !value.isEmpty() && value.charAt(0) == ' ') {
                            value = value.substring(1);
                        }
                    }
                    num = getnum3(value, std == ZERO_YEARDAY);
                    if (num == null) {
                        bad = true;
                    } else {
                        yday = num[0];
                        value = value.substring(num[1]);
                    }
                }
                case HOUR -> {
                    num = getnum(value, false);
                    if (num == null) {
                        bad = true;
                    } else {
                        hour = num[0];
                        value = value.substring(num[1]);
                        if (hour >= 24) {
                            rangeErr = "hour";
                        }
                    }
                }
                case HOUR12, ZERO_HOUR12 -> {
                    num = getnum(value, std == ZERO_HOUR12);
                    if (num == null) {
                        bad = true;
                    } else {
                        hour = num[0];
                        value = value.substring(num[1]);
                        if (hour > 12) {
                            rangeErr = "hour";
                        }
                    }
                }
                case MINUTE, ZERO_MINUTE -> {
                    num = getnum(value, std == ZERO_MINUTE);
                    if (num == null) {
                        bad = true;
                    } else {
                        min = num[0];
                        value = value.substring(num[1]);
                        if (min >= 60) {
                            rangeErr = "minute";
                        }
                    }
                }
                case SECOND, ZERO_SECOND -> {
                    num = getnum(value, std == ZERO_SECOND);
                    if (num == null) {
                        bad = true;
                        break;
                    }
                    sec = num[0];
                    value = value.substring(num[1]);
                    if (sec >= 60) {
                        rangeErr = "second";
                        break;
                    }
                    if (value.length() >= 2 && (value.charAt(0) == '.' || value.charAt(0) == ',')
                            && isDigits(value, 1, 2)) {
                        int next = nextStdChunk(layout).std();
                        if (next == FRAC0 || next == FRAC9) {
                            break;
                        }
                        int n = 2;
                        while (n < value.length() && isDigits(value, n, n + 1)) {
                            n++;
                        }
                        nsec = parseNanos(value, n);
                        value = value.substring(n);
                    }
                }
                case PM, LOWER_PM -> {
                    if (value.length() < 2) {
                        bad = true;
                    } else {
                        String p = value.substring(0, 2);
                        value = value.substring(2);
                        if (p.equals(std == PM ? "PM" : "pm")) {
                            pmSet = true;
                        } else if (p.equals(std == PM ? "AM" : "am")) {
                            amSet = true;
                        } else {
                            bad = true;
                        }
                    }
                }
                case TZ -> {
                    if (value.startsWith("UTC")) {
                        utc = true;
                        value = value.substring(3);
                        break;
                    }
                    int n = parseTimeZone(value);
                    if (n <= 0) {
                        bad = true;
                    } else {
                        zoneName = value.substring(0, n);
                        value = value.substring(n);
                    }
                }
                case FRAC0 -> {
                    int ndigit = 1 + c.fracDigits();
                    if (value.length() < ndigit || !(value.charAt(0) == '.' || value.charAt(0) == ',')
                            || !isDigits(value, 1, ndigit)) {
                        bad = true;
                    } else {
                        nsec = parseNanos(value, ndigit);
                        value = value.substring(ndigit);
                    }
                }
                case FRAC9 -> {
                    if (value.length() < 2 || !(value.charAt(0) == '.' || value.charAt(0) == ',')
                            || !isDigits(value, 1, 2)) {
                        break;
                    }
                    int k = 0;
                    while (k + 1 < value.length() && isDigits(value, k + 1, k + 2)) {
                        k++;
                    }
                    nsec = parseNanos(value, 1 + k);
                    value = value.substring(1 + k);
                }
                default -> {
                    boolean iso = std >= ISO_TZ && std <= ISO_COLON_SECONDS_TZ;
                    if (iso && !value.isEmpty() && value.charAt(0) == 'Z') {
                        value = value.substring(1);
                        utc = true;
                        break;
                    }
                    String sign;
                    String hh;
                    String mm;
                    String ss = "00";
                    if (std == ISO_COLON_TZ || std == NUM_COLON_TZ) {
                        if (value.length() < 6 || value.charAt(3) != ':') {
                            bad = true;
                            break;
                        }
                        sign = value.substring(0, 1);
                        hh = value.substring(1, 3);
                        mm = value.substring(4, 6);
                        value = value.substring(6);
                    } else if (std == NUM_SHORT_TZ || std == ISO_SHORT_TZ) {
                        if (value.length() < 3) {
                            bad = true;
                            break;
                        }
                        sign = value.substring(0, 1);
                        hh = value.substring(1, 3);
                        mm = "00";
                        value = value.substring(3);
                    } else if (std == ISO_COLON_SECONDS_TZ || std == NUM_COLON_SECONDS_TZ) {
                        if (value.length() < 9 || value.charAt(3) != ':' || value.charAt(6) != ':') {
                            bad = true;
                            break;
                        }
                        sign = value.substring(0, 1);
                        hh = value.substring(1, 3);
                        mm = value.substring(4, 6);
                        ss = value.substring(7, 9);
                        value = value.substring(9);
                    } else if (std == ISO_SECONDS_TZ || std == NUM_SECONDS_TZ) {
                        if (value.length() < 7) {
                            bad = true;
                            break;
                        }
                        sign = value.substring(0, 1);
                        hh = value.substring(1, 3);
                        mm = value.substring(3, 5);
                        ss = value.substring(5, 7);
                        value = value.substring(7);
                    } else {
                        if (value.length() < 5) {
                            bad = true;
                            break;
                        }
                        sign = value.substring(0, 1);
                        hh = value.substring(1, 3);
                        mm = value.substring(3, 5);
                        value = value.substring(5);
                    }
                    if (!isDigits(hh, 0, 2) || !isDigits(mm, 0, 2) || !isDigits(ss, 0, 2)) {
                        bad = true;
                        break;
                    }
                    int hr = Integer.parseInt(hh);
                    int mi = Integer.parseInt(mm);
                    int se = Integer.parseInt(ss);
                    if (hr > 24) {
                        rangeErr = "time zone offset hour";
                    }
                    if (mi > 60) {
                        rangeErr = "time zone offset minute";
                    }
                    if (se > 60) {
                        rangeErr = "time zone offset second";
                    }
                    zoneOffset = (hr * 60 + mi) * 60 + se;
                    hasOffset = true;
                    if (sign.equals("-")) {
                        zoneOffset = -zoneOffset;
                    } else if (!sign.equals("+")) {
                        bad = true;
                    }
                }
            }
            if (!rangeErr.isEmpty()) {
                throw parseError(alayout, avalue, stdstr, value, ": " + rangeErr + " out of range");
            }
            if (bad) {
                throw parseError(alayout, avalue, stdstr, hold, "");
            }
        }
        if (pmSet && hour < 12) {
            hour += 12;
        } else if (amSet && hour == 12) {
            hour = 0;
        }
        boolean leap = java.time.Year.isLeap(year);
        if (yday >= 0) {
            if (yday < 1 || yday > (leap ? 366 : 365)) {
                throw parseError(alayout, avalue, "", value, ": day-of-year out of range");
            }
            LocalDateTime fromYday = LocalDateTime.of(year, 1, 1, 0, 0).plusDays(yday - 1);
            if (month >= 0 && month != fromYday.getMonthValue() || day >= 0 && day != fromYday.getDayOfMonth()) {
                throw parseError(alayout, avalue, "", value, ": day-of-year does not match "
                        + (month >= 0 && month != fromYday.getMonthValue() ? "month" : "day"));
            }
            month = fromYday.getMonthValue();
            day = fromYday.getDayOfMonth();
        } else {
            if (month < 0) {
                month = 1;
            }
            if (day < 0) {
                day = 1;
            }
        }
        if (day < 1 || day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
            throw parseError(alayout, avalue, "", value, ": day out of range");
        }
        LocalDateTime ldt = LocalDateTime.of(year, month, day, hour, min, sec, nsec);
        if (utc) {
            return new Parsed(ldt.atZone(ZoneOffset.UTC), "UTC", false);
        }
        if (hasOffset) {
            ZonedDateTime t = ldt.atOffset(ZoneOffset.ofTotalSeconds(zoneOffset)).toZonedDateTime();
            ZonedDateTime inLocal = t.withZoneSameInstant(local);
            String localName = GoTime.abbreviation(inLocal);
            if (inLocal.getOffset().getTotalSeconds() == zoneOffset && (zoneName.isEmpty() || localName.equals(zoneName))) {
                return new Parsed(inLocal, localName, true);
            }
            return new Parsed(t, zoneName, false);
        }
        if (!zoneName.isEmpty()) {
            ZonedDateTime inLocal = ldt.atZone(local);
            if (GoTime.abbreviation(inLocal).equals(zoneName)) {
                return new Parsed(inLocal, zoneName, true);
            }
            int offset = 0;
            if (zoneName.length() > 3 && zoneName.startsWith("GMT")) {
                offset = Integer.parseInt(zoneName.substring(3).replace("+", "")) * 3600;
            }
            return new Parsed(ldt.atOffset(ZoneOffset.ofTotalSeconds(offset)).toZonedDateTime(), zoneName, false);
        }
        ZonedDateTime inLocal = ldt.atZone(local);
        return new Parsed(inLocal, GoTime.abbreviation(inLocal), true);
    }

    /** Go's skip: match the literal prefix; a space matches any run of spaces. Null when it does not match. */
    private static String skip(String value, String prefix) {
        while (!prefix.isEmpty()) {
            if (prefix.charAt(0) == ' ') {
                if (!value.isEmpty() && value.charAt(0) != ' ') {
                    return null;
                }
                prefix = prefix.stripLeading();
                value = cutSpace(value);
                continue;
            }
            if (value.isEmpty() || value.charAt(0) != prefix.charAt(0)) {
                return null;
            }
            prefix = prefix.substring(1);
            value = value.substring(1);
        }
        return value;
    }

    private static String cutSpace(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        return s.substring(i);
    }

    private static boolean isDigits(String s, int from, int to) {
        if (to > s.length()) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** getnum: one or two digits (exactly two when fixed); {value, consumed} or null. */
    private static int[] getnum(String s, boolean fixed) {
        if (!isDigits(s, 0, 1)) {
            return null;
        }
        if (!isDigits(s, 1, 2)) {
            return fixed ? null : new int[] {s.charAt(0) - '0', 1};
        }
        return new int[] {(s.charAt(0) - '0') * 10 + (s.charAt(1) - '0'), 2};
    }

    private static int[] getnum3(String s, boolean fixed) {
        int n = 0;
        int i = 0;
        for (; i < 3 && isDigits(s, i, i + 1); i++) {
            n = n * 10 + (s.charAt(i) - '0');
        }
        if (i == 0 || fixed && i != 3) {
            return null;
        }
        return new int[] {n, i};
    }

    private static int lookup(String value, String[] table, boolean shortNames) {
        for (int k = 0; k < table.length; k++) {
            String v = shortNames ? table[k].substring(0, 3) : table[k];
            if (value.length() >= v.length() && value.substring(0, v.length()).equalsIgnoreCase(v)) {
                return k;
            }
        }
        return -1;
    }

    private static int parseNanos(String value, int nbytes) {
        if (nbytes > 10) {
            nbytes = 10;
        }
        int ns = Integer.parseInt(value.substring(1, nbytes));
        for (int k = 0; k < 10 - nbytes; k++) {
            ns *= 10;
        }
        return ns;
    }

    private static int parseTimeZone(String value) {
        if (value.length() < 3) {
            return 0;
        }
        if (value.startsWith("ChST") || value.startsWith("MeST")) {
            return 4;
        }
        if (value.startsWith("GMT")) {
            int n = 3;
            if (value.length() > 3 && (value.charAt(3) == '+' || value.charAt(3) == '-')) {
                int j = 4;
                while (j < value.length() && Character.isDigit(value.charAt(j))) {
                    j++;
                }
                if (j > 4 && Math.abs(Long.parseLong(value.substring(4, Math.min(j, 12)))) <= 23) {
                    n = j;
                }
            }
            return n;
        }
        if (value.charAt(0) == '+' || value.charAt(0) == '-') {
            int j = 1;
            while (j < value.length() && j <= 5 && Character.isDigit(value.charAt(j))) {
                j++;
            }
            return j > 1 ? j : 0;
        }
        int nUpper = 0;
        while (nUpper < 6 && nUpper < value.length() && value.charAt(nUpper) >= 'A' && value.charAt(nUpper) <= 'Z') {
            nUpper++;
        }
        switch (nUpper) {
            case 3:
                return 3;
            case 4:
                return value.charAt(3) == 'T' || value.startsWith("WITA") ? 4 : 0;
            case 5:
                return value.charAt(4) == 'T' ? 5 : 0;
            default:
                return 0;
        }
    }
}
