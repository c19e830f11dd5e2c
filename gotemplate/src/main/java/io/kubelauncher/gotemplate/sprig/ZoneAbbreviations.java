package io.kubelauncher.gotemplate.sprig;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Time zone abbreviations as Go prints them ({@code MST} in layouts): read from the system's tzdata
 * files (TZif), which Go uses too, rather than from Java's locale-based zone names, which differ
 * for zones tzdata names numerically ("+04", not Java's "GST"). Falls back to Java's names when the
 * file is missing.
 */
final class ZoneAbbreviations {

    private static final Path ZONEINFO = Path.of("/usr/share/zoneinfo");
    private static final Map<String, Optional<TzFile>> CACHE = new ConcurrentHashMap<>();

    private ZoneAbbreviations() {
    }

    /** One zone file: transitions (seconds), their types, type names and DST flags, and the POSIX footer names. */
    private record TzFile(long[] times, int[] typeOfTransition, String[] names, boolean[] dst, String stdName,
            String dstName, int dstOffset) {

        String nameAt(Instant t, ZoneId zone) {
            long s = t.getEpochSecond();
            if (times.length == 0 || s < times[0]) {
                for (int i = 0; i < names.length; i++) {
                    if (!dst[i]) {
                        return names[i];
                    }
                }
                return names.length > 0 ? names[0] : null;
            }
            if (s >= times[times.length - 1] && stdName != null) {
                // Choose by offset, not Java's DST flag: tzdata's "negative DST" zones (Europe/Dublin)
                // name their winter time as the daylight one.
                boolean isDst = dstName != null && zone.getRules().getOffset(t).getTotalSeconds() == dstOffset;
                return isDst ? dstName : stdName;
            }
            int lo = 0;
            int hi = times.length - 1;
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                if (times[mid] <= s) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            return names[typeOfTransition[lo]];
        }
    }

    /** The tzdata abbreviation at instant t, or null when the zone's file cannot be read. */
    static String lookup(ZoneId zone, Instant t) {
        String id = zone.getId();
        if (id.contains("..") || id.startsWith("/")) {
            return null;
        }
        Optional<TzFile> file = CACHE.computeIfAbsent(id, ZoneAbbreviations::read);
        return file.map(f -> f.nameAt(t, zone)).orElse(null);
    }

    private static Optional<TzFile> read(String id) {
        try {
            byte[] data = Files.readAllBytes(ZONEINFO.resolve(id));
            return Optional.ofNullable(parse(data));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static TzFile parse(byte[] data) {
        ByteBuffer b = ByteBuffer.wrap(data);
        if (data.length < 44 || data[0] != 'T' || data[1] != 'Z' || data[2] != 'i' || data[3] != 'f') {
            return null;
        }
        int version = data[4];
        int[] counts = counts(b, 20);
        int timeSize = 4;
        int start = 44;
        if (version >= '2') {
            // Skip the 32-bit block and read the 64-bit one.
            start += counts[3] * 4 + counts[3] + counts[4] * 6 + counts[5] + counts[2] * 8 + counts[1] + counts[0];
            counts = counts(b, start + 20);
            start += 44;
            timeSize = 8;
        }
        int isutcnt = counts[0];
        int isstdcnt = counts[1];
        int leapcnt = counts[2];
        int timecnt = counts[3];
        int typecnt = counts[4];
        int charcnt = counts[5];
        b.position(start);
        long[] times = new long[timecnt];
        for (int i = 0; i < timecnt; i++) {
            times[i] = timeSize == 8 ? b.getLong() : b.getInt();
        }
        int[] idx = new int[timecnt];
        for (int i = 0; i < timecnt; i++) {
            idx[i] = b.get() & 0xFF;
        }
        int[] abbrIndex = new int[typecnt];
        boolean[] dst = new boolean[typecnt];
        for (int i = 0; i < typecnt; i++) {
            b.getInt();
            dst[i] = b.get() != 0;
            abbrIndex[i] = b.get() & 0xFF;
        }
        byte[] chars = new byte[charcnt];
        b.get(chars);
        String[] names = new String[typecnt];
        for (int i = 0; i < typecnt; i++) {
            int end = abbrIndex[i];
            while (end < chars.length && chars[end] != 0) {
                end++;
            }
            names[i] = new String(chars, abbrIndex[i], end - abbrIndex[i], StandardCharsets.US_ASCII);
        }
        b.position(b.position() + leapcnt * (timeSize + 4) + isstdcnt + isutcnt);
        String std = null;
        String dstName = null;
        int dstOffset = Integer.MIN_VALUE;
        if (version >= '2' && b.remaining() > 1) {
            String footer = new String(data, b.position(), b.remaining(), StandardCharsets.US_ASCII).trim();
            int[] pos = {0};
            std = name(footer, pos);
            Integer stdOffset = offset(footer, pos);
            if (pos[0] < footer.length() && footer.charAt(pos[0]) != ',') {
                dstName = name(footer, pos);
                Integer explicit = offset(footer, pos);
                if (stdOffset != null) {
                    dstOffset = explicit != null ? explicit : stdOffset + 3600;
                }
            }
        }
        return new TzFile(times, idx, names, dst, std, dstName, dstOffset);
    }

    private static int[] counts(ByteBuffer b, int at) {
        int[] c = new int[6];
        for (int i = 0; i < 6; i++) {
            c[i] = b.getInt(at + 4 * i);
        }
        return c;
    }

    /** A POSIX TZ offset ("-1", "5:30", "+3") as seconds east of UTC (POSIX counts west), or null. */
    private static Integer offset(String tz, int[] pos) {
        int i = pos[0];
        int sign = -1;
        if (i < tz.length() && (tz.charAt(i) == '+' || tz.charAt(i) == '-')) {
            sign = tz.charAt(i) == '-' ? 1 : -1;
            i++;
        }
        int seconds = 0;
        int unit = 3600;
        int start = i;
        while (i < tz.length() && (Character.isDigit(tz.charAt(i)) || tz.charAt(i) == ':')) {
            int j = i;
            while (j < tz.length() && Character.isDigit(tz.charAt(j))) {
                j++;
            }
            if (j > i) {
                seconds += Integer.parseInt(tz.substring(i, j)) * unit;
                unit /= 60;
            }
            i = j < tz.length() && tz.charAt(j) == ':' ? j + 1 : j;
            if (j == i) {
                break;
            }
        }
        if (i == start) {
            return null;
        }
        pos[0] = i;
        return sign * seconds;
    }

    private static String name(String tz, int[] pos) {
        int i = pos[0];
        if (i >= tz.length()) {
            return null;
        }
        if (tz.charAt(i) == '<') {
            int end = tz.indexOf('>', i);
            if (end < 0) {
                return null;
            }
            pos[0] = end + 1;
            return tz.substring(i + 1, end);
        }
        int j = i;
        while (j < tz.length() && Character.isLetter(tz.charAt(j))) {
            j++;
        }
        pos[0] = j;
        return j > i ? tz.substring(i, j) : null;
    }
}
