package io.kubelauncher.gotemplate.sprig;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** scrypt (RFC 7914) over the JDK's HMAC-SHA256, as golang.org/x/crypto/scrypt.Key computes it. */
final class Scrypt {

    private Scrypt() {
    }

    static byte[] key(byte[] password, byte[] salt, int n, int r, int p, int keyLen) {
        byte[] b = pbkdf2(password, salt, 1, p * 128 * r);
        int[] xy = new int[64 * r];
        int[] v = new int[32 * n * r];
        for (int i = 0; i < p; i++) {
            smix(b, i * 128 * r, r, n, v, xy);
        }
        return pbkdf2(password, b, 1, keyLen);
    }

    static byte[] pbkdf2(byte[] password, byte[] salt, int iterations, int keyLen) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            // HMAC pads its key with zeros to a block, so an empty key equals a zero block, which
            // SecretKeySpec (refusing empty keys) accepts.
            mac.init(new SecretKeySpec(password.length == 0 ? new byte[64] : password, "HmacSHA256"));
            byte[] out = new byte[keyLen];
            int blocks = (keyLen + 31) / 32;
            for (int block = 1; block <= blocks; block++) {
                mac.update(salt);
                mac.update(new byte[] {(byte) (block >>> 24), (byte) (block >>> 16), (byte) (block >>> 8), (byte) block});
                byte[] u = mac.doFinal();
                byte[] t = u.clone();
                for (int k = 1; k < iterations; k++) {
                    u = mac.doFinal(u);
                    for (int j = 0; j < t.length; j++) {
                        t[j] ^= u[j];
                    }
                }
                System.arraycopy(t, 0, out, (block - 1) * 32, Math.min(32, keyLen - (block - 1) * 32));
            }
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static void smix(byte[] b, int off, int r, int n, int[] v, int[] xy) {
        int[] x = new int[32 * r];
        for (int i = 0; i < 32 * r; i++) {
            int j = off + i * 4;
            x[i] = (b[j] & 0xFF) | (b[j + 1] & 0xFF) << 8 | (b[j + 2] & 0xFF) << 16 | (b[j + 3] & 0xFF) << 24;
        }
        for (int i = 0; i < n; i++) {
            System.arraycopy(x, 0, v, i * 32 * r, 32 * r);
            blockMix(x, r);
        }
        for (int i = 0; i < n; i++) {
            int j = x[(2 * r - 1) * 16] & (n - 1);
            for (int k = 0; k < 32 * r; k++) {
                x[k] ^= v[j * 32 * r + k];
            }
            blockMix(x, r);
        }
        for (int i = 0; i < 32 * r; i++) {
            int j = off + i * 4;
            b[j] = (byte) x[i];
            b[j + 1] = (byte) (x[i] >>> 8);
            b[j + 2] = (byte) (x[i] >>> 16);
            b[j + 3] = (byte) (x[i] >>> 24);
        }
    }

    private static void blockMix(int[] b, int r) {
        int[] x = new int[16];
        System.arraycopy(b, (2 * r - 1) * 16, x, 0, 16);
        int[] y = new int[32 * r];
        for (int i = 0; i < 2 * r; i++) {
            for (int k = 0; k < 16; k++) {
                x[k] ^= b[i * 16 + k];
            }
            salsa8(x);
            int dst = (i % 2 == 0 ? i / 2 : r + i / 2) * 16;
            System.arraycopy(x, 0, y, dst, 16);
        }
        System.arraycopy(y, 0, b, 0, 32 * r);
    }

    private static void salsa8(int[] b) {
        int[] x = b.clone();
        for (int i = 0; i < 8; i += 2) {
            x[4] ^= Integer.rotateLeft(x[0] + x[12], 7);
            x[8] ^= Integer.rotateLeft(x[4] + x[0], 9);
            x[12] ^= Integer.rotateLeft(x[8] + x[4], 13);
            x[0] ^= Integer.rotateLeft(x[12] + x[8], 18);
            x[9] ^= Integer.rotateLeft(x[5] + x[1], 7);
            x[13] ^= Integer.rotateLeft(x[9] + x[5], 9);
            x[1] ^= Integer.rotateLeft(x[13] + x[9], 13);
            x[5] ^= Integer.rotateLeft(x[1] + x[13], 18);
            x[14] ^= Integer.rotateLeft(x[10] + x[6], 7);
            x[2] ^= Integer.rotateLeft(x[14] + x[10], 9);
            x[6] ^= Integer.rotateLeft(x[2] + x[14], 13);
            x[10] ^= Integer.rotateLeft(x[6] + x[2], 18);
            x[3] ^= Integer.rotateLeft(x[15] + x[11], 7);
            x[7] ^= Integer.rotateLeft(x[3] + x[15], 9);
            x[11] ^= Integer.rotateLeft(x[7] + x[3], 13);
            x[15] ^= Integer.rotateLeft(x[11] + x[7], 18);
            x[1] ^= Integer.rotateLeft(x[0] + x[3], 7);
            x[2] ^= Integer.rotateLeft(x[1] + x[0], 9);
            x[3] ^= Integer.rotateLeft(x[2] + x[1], 13);
            x[0] ^= Integer.rotateLeft(x[3] + x[2], 18);
            x[6] ^= Integer.rotateLeft(x[5] + x[4], 7);
            x[7] ^= Integer.rotateLeft(x[6] + x[5], 9);
            x[4] ^= Integer.rotateLeft(x[7] + x[6], 13);
            x[5] ^= Integer.rotateLeft(x[4] + x[7], 18);
            x[11] ^= Integer.rotateLeft(x[10] + x[9], 7);
            x[8] ^= Integer.rotateLeft(x[11] + x[10], 9);
            x[9] ^= Integer.rotateLeft(x[8] + x[11], 13);
            x[10] ^= Integer.rotateLeft(x[9] + x[8], 18);
            x[12] ^= Integer.rotateLeft(x[15] + x[14], 7);
            x[13] ^= Integer.rotateLeft(x[12] + x[15], 9);
            x[14] ^= Integer.rotateLeft(x[13] + x[12], 13);
            x[15] ^= Integer.rotateLeft(x[14] + x[13], 18);
        }
        for (int i = 0; i < 16; i++) {
            b[i] += x[i];
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
