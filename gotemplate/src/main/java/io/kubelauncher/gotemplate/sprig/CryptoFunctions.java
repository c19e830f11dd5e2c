package io.kubelauncher.gotemplate.sprig;

import static io.kubelauncher.gotemplate.sprig.Registry.sig;
import static io.kubelauncher.gotemplate.sprig.Types.CERTIFICATE;
import static io.kubelauncher.gotemplate.sprig.Types.INT;
import static io.kubelauncher.gotemplate.sprig.Types.LIST;
import static io.kubelauncher.gotemplate.sprig.Types.STRING;
import static io.kubelauncher.gotemplate.sprig.Types.UINT32;

import io.kubelauncher.gotemplate.encoding.GoBase;
import io.kubelauncher.gotemplate.format.GoFmt;
import io.kubelauncher.gotemplate.function.FunctionException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** Sprig's crypto.go beyond the hashes: bcrypt, derivePassword, keys, certificates, AES. */
final class CryptoFunctions {

    private static final String MASTER_PASSWORD_SEED = "com.lyndir.masterpassword";
    /** The Master Password algorithm's site password templates, by type. */
    private static final Map<String, String[]> TEMPLATES = Map.of(
            "maximum", new String[] {"anoxxxxxxxxxxxxxxxxx", "axxxxxxxxxxxxxxxxxno"},
            "long", new String[] {"CvcvnoCvcvCvcv", "CvcvCvcvnoCvcv", "CvcvCvcvCvcvno", "CvccnoCvcvCvcv", "CvccCvcvnoCvcv",
                "CvccCvcvCvcvno", "CvcvnoCvccCvcv", "CvcvCvccnoCvcv", "CvcvCvccCvcvno", "CvcvnoCvcvCvcc", "CvcvCvcvnoCvcc",
                "CvcvCvcvCvccno", "CvccnoCvccCvcv", "CvccCvccnoCvcv", "CvccCvccCvcvno", "CvcvnoCvccCvcc", "CvcvCvccnoCvcc",
                "CvcvCvccCvccno", "CvccnoCvcvCvcc", "CvccCvcvnoCvcc", "CvccCvcvCvccno"},
            "medium", new String[] {"CvcnoCvc", "CvcCvcno"},
            "short", new String[] {"Cvcn"},
            "basic", new String[] {"aaanaaan", "aannaaan", "aaannaaa"},
            "pin", new String[] {"nnnn"});
    /** The characters each template letter stands for. */
    private static final Map<Character, String> CHARACTERS = Map.of(
            'V', "AEIOU",
            'C', "BCDFGHJKLMNPQRSTVWXYZ",
            'v', "aeiou",
            'c', "bcdfghjklmnpqrstvwxyz",
            'A', "AEIOUBCDFGHJKLMNPQRSTVWXYZ",
            'a', "AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz",
            'n', "0123456789",
            'o', "@&%?,=[]_:-+*$#!'^~;()/.",
            'x', "AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz0123456789!@#$%^&*()");

    private CryptoFunctions() {
    }

    static void register(Registry r, Clock clock, Random random) {
        CertificateBuilder certs = new CertificateBuilder(clock, random);
        r.add("bcrypt", sig(STRING, STRING), a -> Bcrypt.generate(utf8((String) a[0]), 10, random));
        r.add("htpasswd", sig(STRING, STRING, STRING), a -> {
            String user = (String) a[0];
            if (user.contains(":")) {
                return "invalid username: " + user;
            }
            return user + ":" + Bcrypt.generate(utf8((String) a[1]), 10, random);
        });
        r.add("derivePassword", sig(STRING, UINT32, STRING, STRING, STRING, STRING),
                a -> derivePassword(((Number) a[0]).longValue(), (String) a[1], (String) a[2], (String) a[3], (String) a[4]));
        r.add("genPrivateKey", sig(STRING, STRING), a -> {
            try {
                PrivateKeys.Key k = PrivateKeys.generate((String) a[0], random);
                return k == null ? "Unknown type " + a[0] : k.pem();
            } catch (GeneralSecurityException e) {
                return "failed to generate private key: " + e.getMessage();
            }
        });
        r.add("buildCustomCert", sig(CERTIFICATE, STRING, STRING).withError(), a -> buildCustomCert((String) a[0], (String) a[1]));
        r.add("genCA", sig(CERTIFICATE, STRING, INT).withError(),
                a -> ca(certs, (String) a[0], (Integer) a[1], newRsaKey(random)));
        r.add("genCAWithKey", sig(CERTIFICATE, STRING, INT, STRING).withError(),
                a -> ca(certs, (String) a[0], (Integer) a[1], parseKey((String) a[2])));
        r.add("genSelfSignedCert", sig(CERTIFICATE, STRING, LIST, LIST, INT).withError(),
                a -> selfSigned(certs, a, newRsaKey(random)));
        r.add("genSelfSignedCertWithKey", sig(CERTIFICATE, STRING, LIST, LIST, INT, STRING).withError(),
                a -> selfSigned(certs, a, parseKey((String) a[4])));
        r.add("genSignedCert", sig(CERTIFICATE, STRING, LIST, LIST, INT, CERTIFICATE).withError(),
                a -> signed(certs, a, (Certificate) a[4], newRsaKey(random)));
        r.add("genSignedCertWithKey", sig(CERTIFICATE, STRING, LIST, LIST, INT, CERTIFICATE, STRING).withError(),
                a -> signed(certs, a, (Certificate) a[4], parseKey((String) a[5])));
        r.add("encryptAES", sig(STRING, STRING, STRING).withError(), a -> encryptAes((String) a[0], (String) a[1], random));
        r.add("decryptAES", sig(STRING, STRING, STRING).withError(), a -> decryptAes((String) a[0], (String) a[1]));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String derivePassword(long counter, String type, String password, String user, String site) {
        String[] templates = TEMPLATES.get(type);
        if (templates == null) {
            return "cannot find password template " + type;
        }
        byte[] userBytes = utf8(user);
        ByteArrayOutputStream salt = new ByteArrayOutputStream();
        salt.writeBytes(utf8(MASTER_PASSWORD_SEED));
        writeUint32(salt, userBytes.length);
        salt.writeBytes(userBytes);
        byte[] key = Scrypt.key(utf8(password), salt.toByteArray(), 32768, 8, 2, 64);
        byte[] siteBytes = utf8(site);
        ByteArrayOutputStream msg = new ByteArrayOutputStream();
        msg.writeBytes(utf8(MASTER_PASSWORD_SEED));
        writeUint32(msg, siteBytes.length);
        msg.writeBytes(siteBytes);
        writeUint32(msg, counter);
        byte[] seed;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            seed = mac.doFinal(msg.toByteArray());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
        String template = templates[(seed[0] & 0xFF) % templates.length];
        StringBuilder out = new StringBuilder(template.length());
        for (int i = 0; i < template.length(); i++) {
            String chars = CHARACTERS.get(template.charAt(i));
            out.append(chars.charAt((seed[i + 1] & 0xFF) % chars.length()));
        }
        return out.toString();
    }

    private static void writeUint32(ByteArrayOutputStream out, long v) {
        out.write((int) (v >>> 24));
        out.write((int) (v >>> 16));
        out.write((int) (v >>> 8));
        out.write((int) v);
    }

    private static PrivateKeys.Key newRsaKey(Random random) throws FunctionException {
        try {
            return PrivateKeys.rsa(2048, PrivateKeys.secure(random));
        } catch (GeneralSecurityException e) {
            throw new FunctionException("error generating rsa key: " + e.getMessage());
        }
    }

    private static PrivateKeys.Key parseKey(String pem) throws FunctionException {
        try {
            return PrivateKeys.parse(pem);
        } catch (PrivateKeys.KeyException e) {
            throw new FunctionException("parsing private key: " + e.getMessage());
        }
    }

    private static Certificate ca(CertificateBuilder certs, String cn, int days, PrivateKeys.Key key) throws FunctionException {
        try {
            String cert = certs.create(cn, List.of(), List.of(), days, true, key.publicKey(),
                    new CertificateBuilder.Issuer(null, key.privateKey(), null));
            return new Certificate(cert, keyPem(key));
        } catch (GeneralSecurityException e) {
            throw new FunctionException("error creating certificate: " + e.getMessage());
        }
    }

    private static Certificate selfSigned(CertificateBuilder certs, Object[] a, PrivateKeys.Key key) throws FunctionException {
        List<byte[]> ips = ips(a[1]);
        List<String> dns = dnsNames(a[2]);
        try {
            String cert = certs.create((String) a[0], ips, dns, (Integer) a[3], false, key.publicKey(),
                    new CertificateBuilder.Issuer(null, key.privateKey(), null));
            return new Certificate(cert, keyPem(key));
        } catch (GeneralSecurityException e) {
            throw new FunctionException("error creating certificate: " + e.getMessage());
        }
    }

    private static Certificate signed(CertificateBuilder certs, Object[] a, Certificate ca, PrivateKeys.Key key)
            throws FunctionException {
        PrivateKeys.Block block = PrivateKeys.decodePem(ca.cert());
        if (block == null) {
            throw new FunctionException("unable to decode certificate");
        }
        X509Certificate signer;
        try {
            signer = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(block.bytes()));
        } catch (GeneralSecurityException e) {
            throw new FunctionException("error parsing certificate: decodedSignerCert.Bytes: x509: malformed certificate");
        }
        PrivateKeys.Key signerKey;
        try {
            signerKey = PrivateKeys.parse(ca.key());
        } catch (PrivateKeys.KeyException e) {
            throw new FunctionException("error parsing private key: " + e.getMessage());
        }
        List<byte[]> ips = ips(a[1]);
        List<String> dns = dnsNames(a[2]);
        try {
            String cert = certs.create((String) a[0], ips, dns, (Integer) a[3], false, key.publicKey(),
                    new CertificateBuilder.Issuer(CertificateBuilder.subjectOf(signer), signerKey.privateKey(),
                            CertificateBuilder.subjectKeyIdOf(signer)));
            return new Certificate(cert, keyPem(key));
        } catch (GeneralSecurityException e) {
            throw new FunctionException("error creating certificate: " + e.getMessage());
        }
    }

    /** The key PEM as pemBlockForKey writes it (a parsed key keeps its own PEM text). */
    private static String keyPem(PrivateKeys.Key key) {
        return key.pem();
    }

    private static List<byte[]> ips(Object list) throws FunctionException {
        List<byte[]> out = new ArrayList<>();
        if (list == null) {
            return out;
        }
        for (Object ip : (List<?>) list) {
            if (!(ip instanceof String s)) {
                throw new FunctionException("error parsing ip: " + GoFmt.formatValue(ip) + " is not a string");
            }
            byte[] parsed = CertificateBuilder.parseIp(s);
            if (parsed == null) {
                throw new FunctionException("error parsing ip: " + s);
            }
            out.add(parsed);
        }
        return out;
    }

    private static List<String> dnsNames(Object list) throws FunctionException {
        List<String> out = new ArrayList<>();
        if (list == null) {
            return out;
        }
        for (Object dns : (List<?>) list) {
            if (!(dns instanceof String s)) {
                throw new FunctionException("error processing alternate dns name: " + GoFmt.formatValue(dns) + " is not a string");
            }
            out.add(s);
        }
        return out;
    }

    private static Certificate buildCustomCert(String b64cert, String b64key) throws FunctionException {
        byte[] cert;
        byte[] key;
        try {
            cert = GoBase.base64Decode(utf8(b64cert));
        } catch (IllegalArgumentException e) {
            throw new FunctionException("unable to decode base64 certificate");
        }
        try {
            key = GoBase.base64Decode(utf8(b64key));
        } catch (IllegalArgumentException e) {
            throw new FunctionException("unable to decode base64 private key");
        }
        String certText = new String(cert, StandardCharsets.UTF_8);
        PrivateKeys.Block block = PrivateKeys.decodePem(certText);
        if (block == null) {
            throw new FunctionException("unable to decode certificate");
        }
        try {
            CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(block.bytes()));
        } catch (GeneralSecurityException e) {
            throw new FunctionException("error parsing certificate: decodedCert.Bytes: x509: malformed certificate");
        }
        String keyText = new String(key, StandardCharsets.UTF_8);
        try {
            PrivateKeys.parse(keyText);
        } catch (PrivateKeys.KeyException e) {
            throw new FunctionException("error parsing private key: " + e.getMessage());
        }
        return new Certificate(certText, keyText);
    }

    private static String encryptAes(String password, String plaintext, Random random) throws FunctionException {
        if (plaintext.isEmpty()) {
            return "";
        }
        byte[] content = utf8(plaintext);
        int padding = 16 - content.length % 16;
        byte[] padded = java.util.Arrays.copyOf(content, content.length + padding);
        java.util.Arrays.fill(padded, content.length, padded.length, (byte) padding);
        byte[] iv = new byte[16];
        random.nextBytes(iv);
        try {
            Cipher c = Cipher.getInstance("AES/CBC/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(aesKey(password), "AES"), new IvParameterSpec(iv));
            byte[] ct = c.doFinal(padded);
            byte[] out = new byte[16 + ct.length];
            System.arraycopy(iv, 0, out, 0, 16);
            System.arraycopy(ct, 0, out, 16, ct.length);
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new FunctionException(e.getMessage());
        }
    }

    private static String decryptAes(String password, String crypt64) throws FunctionException {
        if (crypt64.isEmpty()) {
            return "";
        }
        byte[] crypt;
        try {
            crypt = GoBase.base64Decode(utf8(crypt64));
        } catch (IllegalArgumentException e) {
            throw new FunctionException(e.getMessage());
        }
        if (crypt.length < 16) {
            // Go slices the decoder's buffer, whose capacity is DecodedLen of the input.
            throw new GoPanic("runtime error: slice bounds out of range [:16] with capacity " + utf8(crypt64).length / 4 * 3);
        }
        byte[] body = java.util.Arrays.copyOfRange(crypt, 16, crypt.length);
        if (body.length % 16 != 0) {
            throw new GoPanic("crypto/cipher: input not full blocks");
        }
        byte[] decrypted;
        try {
            Cipher c = Cipher.getInstance("AES/CBC/NoPadding");
            c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(aesKey(password), "AES"),
                    new IvParameterSpec(java.util.Arrays.copyOf(crypt, 16)));
            decrypted = c.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new FunctionException(e.getMessage());
        }
        if (decrypted.length == 0) {
            throw new GoPanic("runtime error: index out of range [-1]");
        }
        int n = decrypted.length - (decrypted[decrypted.length - 1] & 0xFF);
        if (n < 0) {
            throw new GoPanic("runtime error: slice bounds out of range [:" + n + "]");
        }
        return new String(decrypted, 0, n, StandardCharsets.UTF_8);
    }

    private static byte[] aesKey(String password) {
        byte[] key = new byte[32];
        byte[] p = utf8(password);
        System.arraycopy(p, 0, key, 0, Math.min(32, p.length));
        return key;
    }
}
