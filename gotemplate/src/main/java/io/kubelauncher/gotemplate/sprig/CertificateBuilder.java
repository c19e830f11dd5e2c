package io.kubelauncher.gotemplate.sprig;

import java.math.BigInteger;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * x509.CreateCertificate for Sprig's templates: v3, random 128-bit serial, CN-only subject,
 * key usage, server+client extended key usage, basic constraints, subject/authority key ids and
 * SANs, signed with SHA-256 (RSA, ECDSA) or Ed25519.
 */
final class CertificateBuilder {

    private static final int DIGITAL_SIGNATURE = 1;
    private static final int KEY_ENCIPHERMENT = 1 << 2;
    private static final int CERT_SIGN = 1 << 5;

    private final Clock clock;
    private final Random random;

    CertificateBuilder(Clock clock, Random random) {
        this.clock = clock;
        this.random = random;
    }

    /** The signing side: the issuer's subject, key and subject key id. */
    record Issuer(byte[] subject, PrivateKey key, byte[] subjectKeyId) {
    }

    String create(String cn, List<byte[]> ips, List<String> dnsNames, int daysValid, boolean isCa,
            PublicKey subjectKey, Issuer issuer) throws GeneralSecurityException {
        byte[] name = Der.seq(Der.tlv(Der.SET, Der.seq(Der.oid("2.5.4.3"),
                Der.string(isPrintable(cn) ? Der.PRINTABLE_STRING : Der.UTF8_STRING, cn))));
        byte[] serialBytes = new byte[16];
        random.nextBytes(serialBytes);
        BigInteger serial = new BigInteger(1, serialBytes);
        Instant now = Instant.now(clock);
        Instant notAfter = now.plus(Duration.ofHours(24L * daysValid));
        byte[] spki = subjectKey.getEncoded();
        byte[] subjectKeyId = isCa ? sha1(publicKeyBits(spki)) : null;
        byte[] sigAlg = signatureAlgorithm(issuer == null ? null : issuer.key());

        List<byte[]> exts = new ArrayList<>();
        int usage = KEY_ENCIPHERMENT | DIGITAL_SIGNATURE | (isCa ? CERT_SIGN : 0);
        exts.add(extension("2.5.29.15", true, keyUsage(usage)));
        exts.add(extension("2.5.29.37", false, Der.seq(Der.oid("1.3.6.1.5.5.7.3.1"), Der.oid("1.3.6.1.5.5.7.3.2"))));
        exts.add(extension("2.5.29.19", true, isCa ? Der.seq(Der.bool(true)) : Der.seq()));
        if (subjectKeyId != null) {
            exts.add(extension("2.5.29.14", false, Der.octets(subjectKeyId)));
        }
        byte[] issuerName = issuer == null || issuer.subject() == null ? name : issuer.subject();
        if (issuer != null && !java.util.Arrays.equals(issuerName, name) && issuer.subjectKeyId() != null) {
            exts.add(extension("2.5.29.35", false, Der.seq(Der.implicit(0, issuer.subjectKeyId()))));
        }
        if (!ips.isEmpty() || !dnsNames.isEmpty()) {
            List<byte[]> names = new ArrayList<>();
            for (String dns : dnsNames) {
                names.add(Der.implicit(2, PrivateKeys.utf8(dns)));
            }
            for (byte[] ip : ips) {
                names.add(Der.implicit(7, ip));
            }
            exts.add(extension("2.5.29.17", false, Der.seq(names.toArray(new byte[0][]))));
        }

        byte[] tbs = Der.seq(
                Der.explicit(0, Der.integer(2)),
                Der.integer(serial),
                sigAlg,
                issuerName,
                Der.seq(time(now), time(notAfter)),
                name,
                spki,
                Der.explicit(3, Der.seq(exts.toArray(new byte[0][]))));
        PrivateKey signer = issuer == null ? null : issuer.key();
        Signature s = Signature.getInstance(jcaName(signer));
        s.initSign(signer, PrivateKeys.secure(random));
        s.update(tbs);
        byte[] cert = Der.seq(tbs, sigAlg, Der.bits(s.sign(), 0));
        // Make sure what we wrote is a certificate the JDK accepts.
        CertificateFactory.getInstance("X.509").generateCertificate(new java.io.ByteArrayInputStream(cert));
        return PrivateKeys.pem("CERTIFICATE", cert);
    }

    static byte[] subjectOf(X509Certificate cert) {
        return cert.getSubjectX500Principal().getEncoded();
    }

    static byte[] subjectKeyIdOf(X509Certificate cert) {
        byte[] ext = cert.getExtensionValue("2.5.29.14");
        if (ext == null) {
            return null;
        }
        return Der.parse(Der.parse(ext).content()).content();
    }

    private static byte[] extension(String oid, boolean critical, byte[] value) {
        return critical ? Der.seq(Der.oid(oid), Der.bool(true), Der.octets(value)) : Der.seq(Der.oid(oid), Der.octets(value));
    }

    /** The KeyUsage BIT STRING with trailing zero bits trimmed, bit 0 first. */
    private static byte[] keyUsage(int usage) {
        byte[] a = new byte[2];
        for (int i = 0; i < 9; i++) {
            if ((usage & (1 << i)) != 0) {
                a[i / 8] |= (byte) (0x80 >> (i % 8));
            }
        }
        int len = a[1] != 0 ? 2 : 1;
        int unused = 0;
        byte last = a[len - 1];
        while (unused < 8 && (last & (1 << unused)) == 0) {
            unused++;
        }
        return Der.bits(java.util.Arrays.copyOf(a, len), unused);
    }

    private static byte[] time(Instant t) {
        ZonedDateTime z = t.atZone(ZoneOffset.UTC);
        if (z.getYear() >= 1950 && z.getYear() <= 2049) {
            return Der.tlv(Der.UTC_TIME, PrivateKeys.utf8(DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").format(z)));
        }
        return Der.tlv(Der.GENERALIZED_TIME, PrivateKeys.utf8(DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'").format(z)));
    }

    private static byte[] signatureAlgorithm(PrivateKey key) {
        if (key instanceof RSAPrivateKey) {
            return Der.seq(Der.oid("1.2.840.113549.1.1.11"), Der.nul());
        }
        if (key instanceof ECPrivateKey) {
            return Der.seq(Der.oid("1.2.840.10045.4.3.2"));
        }
        return Der.seq(Der.oid("1.3.101.112"));
    }

    private static String jcaName(PrivateKey key) throws GeneralSecurityException {
        if (key instanceof RSAPrivateKey) {
            return "SHA256withRSA";
        }
        if (key instanceof ECPrivateKey) {
            return "SHA256withECDSA";
        }
        if (key != null && key.getAlgorithm().startsWith("Ed")) {
            return "Ed25519";
        }
        throw new GeneralSecurityException("x509: certificate private key does not implement crypto.Signer");
    }

    private static byte[] publicKeyBits(byte[] spki) {
        byte[] bits = Der.parse(spki).children().get(1).content();
        return java.util.Arrays.copyOfRange(bits, 1, bits.length);
    }

    private static byte[] sha1(byte[] b) throws GeneralSecurityException {
        return MessageDigest.getInstance("SHA-1").digest(b);
    }

    private static boolean isPrintable(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || " '()+,-./:=?*&".indexOf(c) >= 0)) {
                return false;
            }
        }
        return true;
    }

    /** net.ParseIP, returning 4 bytes for IPv4 (as Go's SAN encoding does) or 16 for IPv6; null when invalid. */
    static byte[] parseIp(String s) {
        if (s.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            String[] p = s.split("\\.");
            byte[] out = new byte[4];
            for (int i = 0; i < 4; i++) {
                if (p[i].length() > 1 && p[i].startsWith("0")) {
                    return null;
                }
                int v = Integer.parseInt(p[i]);
                if (v > 255) {
                    return null;
                }
                out[i] = (byte) v;
            }
            return out;
        }
        if (s.indexOf(':') >= 0 && s.matches("[0-9A-Fa-f:.]+")) {
            try {
                byte[] b = InetAddress.getByName(s).getAddress();
                if (b.length == 4) {
                    byte[] mapped = new byte[16];
                    mapped[10] = (byte) 0xFF;
                    mapped[11] = (byte) 0xFF;
                    System.arraycopy(b, 0, mapped, 12, 4);
                    return java.util.Arrays.copyOfRange(mapped, 12, 16);
                }
                return b;
            } catch (java.net.UnknownHostException e) {
                return null;
            }
        }
        return null;
    }
}
