package io.kubelauncher.gotemplate.sprig;

import java.math.BigInteger;
import java.util.Random;

/**
 * bcrypt ($2a$, as golang.org/x/crypto/bcrypt generates it): the expensive Blowfish key schedule
 * over password + NUL (72 bytes used at most) and a 16-byte salt, 64 encryptions of
 * "OrpheanBeholderScryDoubt", bcrypt's base64. Blowfish's initial state, the hexadecimal digits of
 * pi, is computed once with Machin's formula rather than tabulated.
 */
final class Bcrypt {

    private static final String ALPHABET = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final byte[] MAGIC = "OrpheanBeholderScryDoubt".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private Bcrypt() {
    }

    /** The 1042 words of pi's fractional hex digits: P-array (18) then the four S-boxes (256 each). */
    private static final class PiDigits {
        static final int[] WORDS = compute(18 + 4 * 256);

        private static int[] compute(int words) {
            int bits = words * 32 + 64;
            BigInteger one = BigInteger.ONE.shiftLeft(bits);
            BigInteger pi = atan(5, one).shiftLeft(4).subtract(atan(239, one).shiftLeft(2));
            BigInteger frac = pi.subtract(BigInteger.valueOf(3).shiftLeft(bits)).shiftRight(64);
            int[] out = new int[words];
            for (int i = 0; i < words; i++) {
                out[i] = frac.shiftRight((words - 1 - i) * 32).intValue();
            }
            return out;
        }

        /** atan(1/x) in fixed point with unit {@code one}. */
        private static BigInteger atan(int x, BigInteger one) {
            BigInteger x2 = BigInteger.valueOf((long) x * x);
            BigInteger term = one.divide(BigInteger.valueOf(x));
            BigInteger sum = term;
            for (int k = 1; term.signum() != 0; k++) {
                term = term.divide(x2);
                BigInteger t = term.divide(BigInteger.valueOf(2L * k + 1));
                sum = (k % 2 == 1) ? sum.subtract(t) : sum.add(t);
            }
            return sum;
        }
    }

    /** GenerateFromPassword(password, cost) with a fresh salt from {@code random}. */
    static String generate(byte[] password, int cost, Random random) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return hash(password, cost, salt);
    }

    static String hash(byte[] password, int cost, byte[] salt) {
        byte[] key = new byte[password.length + 1];
        System.arraycopy(password, 0, key, 0, password.length);
        int[] p = new int[18];
        int[][] s = new int[4][256];
        System.arraycopy(PiDigits.WORDS, 0, p, 0, 18);
        for (int b = 0; b < 4; b++) {
            System.arraycopy(PiDigits.WORDS, 18 + b * 256, s[b], 0, 256);
        }
        expandKey(p, s, key, salt);
        long rounds = 1L << cost;
        for (long i = 0; i < rounds; i++) {
            expandKey(p, s, key, null);
            expandKey(p, s, salt, null);
        }
        int[] text = new int[6];
        for (int i = 0; i < 6; i++) {
            text[i] = word(MAGIC, i * 4);
        }
        for (int i = 0; i < 64; i++) {
            for (int j = 0; j < 6; j += 2) {
                long lr = encrypt(p, s, text[j], text[j + 1]);
                text[j] = (int) (lr >>> 32);
                text[j + 1] = (int) lr;
            }
        }
        byte[] out = new byte[24];
        for (int i = 0; i < 6; i++) {
            out[i * 4] = (byte) (text[i] >>> 24);
            out[i * 4 + 1] = (byte) (text[i] >>> 16);
            out[i * 4 + 2] = (byte) (text[i] >>> 8);
            out[i * 4 + 3] = (byte) text[i];
        }
        return "$2a$" + (cost < 10 ? "0" : "") + cost + "$" + encode(salt, 16) + encode(out, 23);
    }

    private static int word(byte[] b, int i) {
        return (b[i] & 0xFF) << 24 | (b[i + 1] & 0xFF) << 16 | (b[i + 2] & 0xFF) << 8 | (b[i + 3] & 0xFF);
    }

    /** The next 4 bytes of data read cyclically from position pos[0], big-endian. */
    private static int streamWord(byte[] data, int[] pos) {
        int w = 0;
        for (int i = 0; i < 4; i++) {
            w = (w << 8) | (data[pos[0]] & 0xFF);
            pos[0] = (pos[0] + 1) % data.length;
        }
        return w;
    }

    private static void expandKey(int[] p, int[][] s, byte[] key, byte[] salt) {
        int[] kpos = {0};
        for (int i = 0; i < 18; i++) {
            p[i] ^= streamWord(key, kpos);
        }
        int[] spos = {0};
        int l = 0;
        int r = 0;
        for (int i = 0; i < 18; i += 2) {
            if (salt != null) {
                l ^= streamWord(salt, spos);
                r ^= streamWord(salt, spos);
            }
            long lr = encrypt(p, s, l, r);
            l = (int) (lr >>> 32);
            r = (int) lr;
            p[i] = l;
            p[i + 1] = r;
        }
        for (int b = 0; b < 4; b++) {
            for (int i = 0; i < 256; i += 2) {
                if (salt != null) {
                    l ^= streamWord(salt, spos);
                    r ^= streamWord(salt, spos);
                }
                long lr = encrypt(p, s, l, r);
                l = (int) (lr >>> 32);
                r = (int) lr;
                s[b][i] = l;
                s[b][i + 1] = r;
            }
        }
    }

    private static long encrypt(int[] p, int[][] s, int l, int r) {
        int xl = l ^ p[0];
        int xr = r;
        for (int i = 1; i <= 16; i += 2) {
            xr ^= f(s, xl) ^ p[i];
            xl ^= f(s, xr) ^ p[i + 1];
        }
        xr ^= p[17];
        return ((long) xr << 32) | (xl & 0xFFFFFFFFL);
    }

    private static int f(int[][] s, int x) {
        return ((s[0][x >>> 24] + s[1][(x >>> 16) & 0xFF]) ^ s[2][(x >>> 8) & 0xFF]) + s[3][x & 0xFF];
    }

    /** bcrypt's base64 of the first n bytes, unpadded. */
    private static String encode(byte[] b, int n) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i += 3) {
            int c1 = b[i] & 0xFF;
            out.append(ALPHABET.charAt(c1 >> 2));
            int c2 = i + 1 < n ? b[i + 1] & 0xFF : 0;
            out.append(ALPHABET.charAt(((c1 & 3) << 4) | (c2 >> 4)));
            if (i + 1 >= n) {
                break;
            }
            int c3 = i + 2 < n ? b[i + 2] & 0xFF : 0;
            out.append(ALPHABET.charAt(((c2 & 0x0F) << 2) | (c3 >> 6)));
            if (i + 2 >= n) {
                break;
            }
            out.append(ALPHABET.charAt(c3 & 0x3F));
        }
        return out.toString();
    }
}
