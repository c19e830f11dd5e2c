package io.kubelauncher.gotemplate.sprig;

import static io.kubelauncher.gotemplate.sprig.Registry.sig;
import static io.kubelauncher.gotemplate.sprig.Types.INT;
import static io.kubelauncher.gotemplate.sprig.Types.STRING;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.zip.Adler32;

/**
 * Sprig's functions that look outside the template: environment variables, host lookup,
 * randomness, plus the hash functions and {@code hello}.
 */
final class EnvironmentFunctions {

    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String DIGITS = "0123456789";

    private EnvironmentFunctions() {
    }

    static void register(Registry r, UnaryOperator<String> getenv, HostResolver hosts, Random random) {
        r.add("hello", sig(STRING), a -> "Hello!");
        r.add("env", sig(STRING, STRING), a -> {
            String v = getenv.apply((String) a[0]);
            return v == null ? "" : v;
        });
        r.add("expandenv", sig(STRING, STRING), a -> expand((String) a[0], name -> {
            String v = getenv.apply(name);
            return v == null ? "" : v;
        }));
        r.add("getHostByName", sig(STRING, STRING), a -> {
            List<String> addrs = hosts.lookupHost((String) a[0]);
            if (addrs.isEmpty()) {
                throw new GoPanic("invalid argument to Intn");
            }
            return addrs.get(random.nextInt(addrs.size()));
        });
        r.add("randInt", sig(INT, INT, INT), a -> {
            int min = (Integer) a[0];
            int max = (Integer) a[1];
            long n = (long) max - min;
            if (n <= 0) {
                throw new GoPanic("invalid argument to Intn");
            }
            return Cast.goInt(min + (long) (random.nextDouble() * n));
        });
        r.add("randAlphaNum", sig(STRING, INT), a -> randomString((Integer) a[0], LETTERS + DIGITS, random));
        r.add("randAlpha", sig(STRING, INT), a -> randomString((Integer) a[0], LETTERS, random));
        r.add("randNumeric", sig(STRING, INT), a -> randomString((Integer) a[0], DIGITS, random));
        r.add("randAscii", sig(STRING, INT), a -> {
            StringBuilder ascii = new StringBuilder(95);
            for (char c = 32; c < 127; c++) {
                ascii.append(c);
            }
            return randomString((Integer) a[0], ascii.toString(), random);
        });
        r.add("shuffle", sig(STRING, STRING), a -> shuffle((String) a[0], random));
        r.add("uuidv4", sig(STRING), a -> {
            byte[] b = new byte[16];
            random.nextBytes(b);
            b[6] = (byte) ((b[6] & 0x0F) | 0x40);
            b[8] = (byte) ((b[8] & 0x3F) | 0x80);
            java.nio.ByteBuffer bb = java.nio.ByteBuffer.wrap(b);
            return new UUID(bb.getLong(), bb.getLong()).toString();
        });
        r.add("randBytes", sig(STRING, INT).withError(), a -> {
            int count = (Integer) a[0];
            if (count < 0) {
                throw new GoPanic("runtime error: makeslice: len out of range");
            }
            byte[] b = new byte[count];
            random.nextBytes(b);
            return Base64.getEncoder().encodeToString(b);
        });
        r.add("sha1sum", sig(STRING, STRING), a -> hex("SHA-1", (String) a[0]));
        r.add("sha256sum", sig(STRING, STRING), a -> hex("SHA-256", (String) a[0]));
        r.add("adler32sum", sig(STRING, STRING), a -> {
            Adler32 adler = new Adler32();
            adler.update(((String) a[0]).getBytes(StandardCharsets.UTF_8));
            return Long.toString(adler.getValue());
        });
    }

    /** The default host resolver: the JVM's name service, addresses in Go's notation. */
    static List<String> lookupHost(String name) {
        try {
            List<String> out = new ArrayList<>();
            for (InetAddress a : InetAddress.getAllByName(name)) {
                out.add(a instanceof Inet6Address ? compressIpv6(a.getAddress()) : a.getHostAddress());
            }
            return out;
        } catch (UnknownHostException e) {
            return List.of();
        }
    }

    /** RFC 5952 text of an IPv6 address, as Go's net.IP.String prints it. */
    static String compressIpv6(byte[] b) {
        int[] words = new int[8];
        for (int i = 0; i < 8; i++) {
            words[i] = ((b[2 * i] & 0xFF) << 8) | (b[2 * i + 1] & 0xFF);
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (words[i] == 0) {
                int j = i;
                while (j < 8 && words[j] == 0) {
                    j++;
                }
                if (j - i > bestLen) {
                    bestStart = i;
                    bestLen = j - i;
                }
                i = j;
            } else {
                i++;
            }
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLen - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(words[i]));
        }
        return out.toString();
    }

    /** os.Expand: $name, ${name}, shell specials; bad syntax eats "${" or "${}". */
    static String expand(String s, UnaryOperator<String> mapping) {
        StringBuilder buf = null;
        int i = 0;
        for (int j = 0; j < s.length(); j++) {
            if (s.charAt(j) == '$' && j + 1 < s.length()) {
                if (buf == null) {
                    buf = new StringBuilder(2 * s.length());
                }
                buf.append(s, i, j);
                String rest = s.substring(j + 1);
                String name;
                int w;
                char c0 = rest.charAt(0);
                if (c0 == '{') {
                    if (rest.length() > 2 && isShellSpecial(rest.charAt(1)) && rest.charAt(2) == '}') {
                        name = rest.substring(1, 2);
                        w = 3;
                    } else {
                        name = "";
                        w = 1;
                        for (int k = 1; k < rest.length(); k++) {
                            if (rest.charAt(k) == '}') {
                                if (k == 1) {
                                    w = 2;
                                } else {
                                    name = rest.substring(1, k);
                                    w = k + 1;
                                }
                                break;
                            }
                        }
                    }
                } else if (isShellSpecial(c0)) {
                    name = rest.substring(0, 1);
                    w = 1;
                } else {
                    int k = 0;
                    while (k < rest.length() && isAlphaNum(rest.charAt(k))) {
                        k++;
                    }
                    name = rest.substring(0, k);
                    w = k;
                }
                if (name.isEmpty() && w > 0) {
                    // bad syntax: dropped
                } else if (name.isEmpty()) {
                    buf.append('$');
                } else {
                    buf.append(mapping.apply(name));
                }
                j += w;
                i = j + 1;
            }
        }
        if (buf == null) {
            return s;
        }
        return buf.append(s, Math.min(i, s.length()), s.length()).toString();
    }

    private static boolean isShellSpecial(char c) {
        return "*#$@!?-0123456789".indexOf(c) >= 0;
    }

    private static boolean isAlphaNum(char c) {
        return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static String randomString(int count, String alphabet, Random random) {
        if (count <= 0) {
            return "";
        }
        StringBuilder out = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    private static String shuffle(String s, Random random) {
        int[] runes = s.codePoints().toArray();
        for (int i = runes.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = runes[i];
            runes[i] = runes[j];
            runes[j] = t;
        }
        return new String(runes, 0, runes.length);
    }

    private static String hex(String algorithm, String input) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(input.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks " + algorithm, e);
        }
    }
}
