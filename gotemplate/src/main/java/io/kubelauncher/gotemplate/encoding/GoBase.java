package io.kubelauncher.gotemplate.encoding;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * Go's {@code encoding/base64} and {@code encoding/base32} StdEncoding decoders, which differ from
 * Java's in what they accept (newlines are skipped) and in their error text
 * ({@code illegal base64 data at input byte N}).
 */
public final class GoBase {

    private static final String B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private static final String B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final byte[] B64_MAP = decodeMap(B64);
    private static final byte[] B32_MAP = decodeMap(B32);

    private GoBase() {
    }

    private static byte[] decodeMap(String alphabet) {
        byte[] m = new byte[256];
        Arrays.fill(m, (byte) 0xFF);
        for (int i = 0; i < alphabet.length(); i++) {
            m[alphabet.charAt(i)] = (byte) i;
        }
        return m;
    }

    /** {@code base32.StdEncoding.EncodeToString}. */
    public static String base32Encode(byte[] src) {
        StringBuilder out = new StringBuilder((src.length + 4) / 5 * 8);
        for (int i = 0; i < src.length; i += 5) {
            int n = Math.min(5, src.length - i);
            long buf = 0;
            for (int k = 0; k < 5; k++) {
                buf = (buf << 8) | (k < n ? (src[i + k] & 0xFF) : 0);
            }
            int chars = switch (n) {
                case 1 -> 2;
                case 2 -> 4;
                case 3 -> 5;
                case 4 -> 7;
                default -> 8;
            };
            for (int k = 0; k < 8; k++) {
                if (k < chars) {
                    out.append(B32.charAt((int) ((buf >>> (35 - 5 * k)) & 31)));
                } else {
                    out.append('=');
                }
            }
        }
        return out.toString();
    }

    /** {@code base64.StdEncoding.DecodeString}. */
    public static byte[] base64Decode(byte[] src) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(src.length * 3 / 4 + 3);
        int si = 0;
        while (si < src.length) {
            int[] dbuf = new int[4];
            int dlen = 4;
            int j = 0;
            boolean trailingError = false;
            int trailingAt = 0;
            quantum:
            for (; j < 4; j++) {
                if (si == src.length) {
                    if (j == 0) {
                        return out.toByteArray();
                    }
                    throw corrupt("base64", si - j);
                }
                int in = src[si] & 0xFF;
                si++;
                int v = B64_MAP[in] & 0xFF;
                if (v != 0xFF) {
                    dbuf[j] = v;
                    continue;
                }
                if (in == '\n' || in == '\r') {
                    j--;
                    continue;
                }
                if (in != '=') {
                    throw corrupt("base64", si - 1);
                }
                switch (j) {
                    case 0, 1 -> throw corrupt("base64", si - 1);
                    case 2 -> {
                        while (si < src.length && (src[si] == '\n' || src[si] == '\r')) {
                            si++;
                        }
                        if (si == src.length) {
                            throw corrupt("base64", src.length);
                        }
                        if (src[si] != '=') {
                            throw corrupt("base64", si - 1);
                        }
                        si++;
                    }
                    default -> { }
                }
                while (si < src.length && (src[si] == '\n' || src[si] == '\r')) {
                    si++;
                }
                if (si < src.length) {
                    trailingError = true;
                    trailingAt = si;
                }
                dlen = j;
                break quantum;
            }
            int val = dbuf[0] << 18 | dbuf[1] << 12 | dbuf[2] << 6 | dbuf[3];
            if (dlen >= 2) {
                out.write(val >> 16);
            }
            if (dlen >= 3) {
                out.write(val >> 8);
            }
            if (dlen >= 4) {
                out.write(val);
            }
            if (trailingError) {
                throw corrupt("base64", trailingAt);
            }
        }
        return out.toByteArray();
    }

    /** {@code base32.StdEncoding.DecodeString} (newlines removed first, offsets counted without them). */
    public static byte[] base32Decode(byte[] raw) {
        ByteArrayOutputStream stripped = new ByteArrayOutputStream(raw.length);
        for (byte b : raw) {
            if (b != '\n' && b != '\r') {
                stripped.write(b);
            }
        }
        byte[] src = stripped.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream(src.length * 5 / 8 + 5);
        int olen = src.length;
        int p = 0;
        boolean end = false;
        while (p < src.length && !end) {
            int[] dbuf = new int[8];
            int dlen = 8;
            for (int j = 0; j < 8; ) {
                if (p == src.length) {
                    throw corrupt("base32", olen - (src.length - p) - j);
                }
                int in = src[p] & 0xFF;
                p++;
                int remaining = src.length - p;
                if (in == '=' && j >= 2 && remaining < 8) {
                    if (remaining + j < 8 - 1) {
                        throw corrupt("base32", olen);
                    }
                    for (int k = 0; k < 8 - 1 - j; k++) {
                        if (remaining > k && src[p + k] != '=') {
                            throw corrupt("base32", olen - remaining + k - 1);
                        }
                    }
                    dlen = j;
                    end = true;
                    if (dlen == 1 || dlen == 3 || dlen == 6) {
                        throw corrupt("base32", olen - remaining - 1);
                    }
                    break;
                }
                dbuf[j] = B32_MAP[in] & 0xFF;
                if (dbuf[j] == 0xFF) {
                    throw corrupt("base32", olen - remaining - 1);
                }
                j++;
            }
            byte[] q = new byte[5];
            q[4] = (byte) (dbuf[6] << 5 | dbuf[7]);
            q[3] = (byte) (dbuf[4] << 7 | dbuf[5] << 2 | dbuf[6] >> 3);
            q[2] = (byte) (dbuf[3] << 4 | dbuf[4] >> 1);
            q[1] = (byte) (dbuf[1] << 6 | dbuf[2] << 1 | dbuf[3] >> 4);
            q[0] = (byte) (dbuf[0] << 3 | dbuf[1] >> 2);
            int n = switch (dlen) {
                case 8 -> 5;
                case 7 -> 4;
                case 5 -> 3;
                case 4 -> 2;
                case 2 -> 1;
                default -> 0;
            };
            out.write(q, 0, n);
        }
        return out.toByteArray();
    }

    private static IllegalArgumentException corrupt(String kind, long offset) {
        return new IllegalArgumentException("illegal " + kind + " data at input byte " + offset);
    }
}
