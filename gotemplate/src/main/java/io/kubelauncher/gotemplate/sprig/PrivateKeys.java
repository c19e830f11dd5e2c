package io.kubelauncher.gotemplate.sprig;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.DSAParams;
import java.security.interfaces.DSAPrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.DSAPrivateKeySpec;
import java.security.spec.DSAPublicKeySpec;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * Private keys as Sprig writes and reads them: PKCS#1 RSA, SEC 1 EC, OpenSSL-style DSA and PKCS#8
 * PEM blocks (Go's x509 Marshal/Parse functions), on top of the JDK's key generators.
 */
final class PrivateKeys {

    static final String P256_OID = "1.2.840.10045.3.1.7";
    static final String EC_PUBLIC_KEY_OID = "1.2.840.10045.2.1";
    static final String RSA_OID = "1.2.840.113549.1.1.1";

    /** A key pair and the PEM block Sprig prints for its private half. */
    record Key(PrivateKey privateKey, PublicKey publicKey, String pem) {
    }

    /** A key error with Go's message. */
    static final class KeyException extends Exception {
        private static final long serialVersionUID = 1L;

        KeyException(String message) {
            super(message, null, false, false);
        }
    }

    private PrivateKeys() {
    }

    static SecureRandom secure(Random random) {
        return random instanceof SecureRandom s ? s : new SeededSecureRandom(random);
    }

    /** A SecureRandom drawing from an injected Random (for deterministic tests). */
    private static final class SeededSecureRandom extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private final transient Random source;

        SeededSecureRandom(Random source) {
            this.source = source;
        }

        @Override
        public void nextBytes(byte[] bytes) {
            source.nextBytes(bytes);
        }
    }

    static Key generate(String type, Random random) throws GeneralSecurityException {
        SecureRandom rnd = secure(random);
        switch (type) {
            case "", "rsa":
                return rsa(4096, rnd);
            case "dsa": {
                KeyPairGenerator g = KeyPairGenerator.getInstance("DSA");
                g.initialize(2048, rnd);
                KeyPair kp = g.generateKeyPair();
                return new Key(kp.getPrivate(), kp.getPublic(), pem("DSA PRIVATE KEY", dsaDer((DSAPrivateKey) kp.getPrivate())));
            }
            case "ecdsa": {
                KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
                g.initialize(new ECGenParameterSpec("secp256r1"), rnd);
                KeyPair kp = g.generateKeyPair();
                return new Key(kp.getPrivate(), kp.getPublic(),
                        pem("EC PRIVATE KEY", sec1((ECPrivateKey) kp.getPrivate(), (ECPublicKey) kp.getPublic())));
            }
            case "ed25519": {
                KeyPairGenerator g = KeyPairGenerator.getInstance("Ed25519");
                g.initialize(255, rnd);
                KeyPair kp = g.generateKeyPair();
                return new Key(kp.getPrivate(), kp.getPublic(), pem("PRIVATE KEY", kp.getPrivate().getEncoded()));
            }
            default:
                return null;
        }
    }

    static Key rsa(int bits, SecureRandom rnd) throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(bits, rnd);
        KeyPair kp = g.generateKeyPair();
        return new Key(kp.getPrivate(), kp.getPublic(), pem("RSA PRIVATE KEY", pkcs1(kp.getPrivate())));
    }

    /** The PKCS#1 RSAPrivateKey inside the JDK's PKCS#8 encoding. */
    private static byte[] pkcs1(PrivateKey key) {
        List<Der.Element> pkcs8 = Der.parse(key.getEncoded()).children();
        return pkcs8.get(2).content();
    }

    private static byte[] dsaDer(DSAPrivateKey k) {
        DSAParams p = k.getParams();
        BigInteger y = p.getG().modPow(k.getX(), p.getP());
        return Der.seq(Der.integer(0), Der.integer(p.getP()), Der.integer(p.getQ()), Der.integer(p.getG()),
                Der.integer(y), Der.integer(k.getX()));
    }

    /** x509.MarshalECPrivateKey: version 1, the scalar, the curve and the public point. */
    private static byte[] sec1(ECPrivateKey k, ECPublicKey pub) {
        byte[] d = fixed(k.getS(), 32);
        byte[] point = Der.concat(new byte[] {4}, fixed(pub.getW().getAffineX(), 32), fixed(pub.getW().getAffineY(), 32));
        return Der.seq(Der.integer(1), Der.octets(d), Der.explicit(0, Der.oid(P256_OID)), Der.explicit(1, Der.bits(point, 0)));
    }

    private static byte[] fixed(BigInteger v, int len) {
        byte[] b = v.toByteArray();
        byte[] out = new byte[len];
        int copy = Math.min(b.length, len);
        System.arraycopy(b, b.length - copy, out, len - copy, copy);
        return out;
    }

    /** pem.EncodeToMemory. */
    static String pem(String type, byte[] der) {
        String b64 = Base64.getEncoder().encodeToString(der);
        StringBuilder out = new StringBuilder("-----BEGIN ").append(type).append("-----\n");
        for (int i = 0; i < b64.length(); i += 64) {
            out.append(b64, i, Math.min(b64.length(), i + 64)).append('\n');
        }
        return out.append("-----END ").append(type).append("-----\n").toString();
    }

    /** A decoded PEM block (pem.Decode's first block), or null when there is none. */
    record Block(String type, byte[] bytes) {
    }

    static Block decodePem(String text) {
        int begin = text.indexOf("-----BEGIN ");
        while (begin >= 0) {
            int typeEnd = text.indexOf("-----", begin + 11);
            int lineEnd = text.indexOf('\n', begin);
            if (typeEnd < 0 || lineEnd < 0 || typeEnd > lineEnd) {
                return null;
            }
            String type = text.substring(begin + 11, typeEnd);
            String endMarker = "-----END " + type + "-----";
            int end = text.indexOf(endMarker, lineEnd);
            if (end < 0) {
                return null;
            }
            String body = text.substring(lineEnd + 1, end).replaceAll("\\s", "");
            try {
                return new Block(type, Base64.getDecoder().decode(body));
            } catch (IllegalArgumentException e) {
                begin = text.indexOf("-----BEGIN ", end);
            }
        }
        return null;
    }

    /** parsePrivateKeyPEM with Sprig's error texts; the public key is derived for certificates. */
    static Key parse(String pemText) throws KeyException {
        Block block = decodePem(pemText);
        if (block == null) {
            throw new KeyException("no PEM data in input");
        }
        try {
            if (block.type().equals("PRIVATE KEY")) {
                return fromPkcs8(block.bytes(), pemText);
            }
            if (!block.type().endsWith(" PRIVATE KEY")) {
                throw new KeyException("no private key data in PEM block of type " + block.type());
            }
            switch (block.type().substring(0, block.type().length() - 12)) {
                case "RSA": {
                    byte[] pkcs8 = Der.seq(Der.integer(0), Der.seq(Der.oid(RSA_OID), Der.nul()), Der.octets(block.bytes()));
                    try {
                        return fromPkcs8(pkcs8, pemText);
                    } catch (KeyException e) {
                        throw new KeyException("parsing RSA private key from PEM: x509: failed to parse private key");
                    }
                }
                case "EC": {
                    List<Der.Element> sec1 = Der.parse(block.bytes()).children();
                    byte[] pkcs8 = Der.seq(Der.integer(0), Der.seq(Der.oid(EC_PUBLIC_KEY_OID), Der.oid(P256_OID)),
                            Der.octets(block.bytes()));
                    PrivateKey priv = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
                    PublicKey pub = null;
                    for (Der.Element e : sec1) {
                        if (e.tag() == 0xA1) {
                            byte[] bits = e.children().get(0).content();
                            byte[] point = java.util.Arrays.copyOfRange(bits, 1, bits.length);
                            byte[] spki = Der.seq(Der.seq(Der.oid(EC_PUBLIC_KEY_OID), Der.oid(P256_OID)), Der.bits(point, 0));
                            pub = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(spki));
                        }
                    }
                    if (pub == null) {
                        throw new KeyException("parsing EC private key from PEM: x509: EC private key without public key");
                    }
                    return new Key(priv, pub, pemText);
                }
                case "DSA": {
                    List<Der.Element> f = Der.parse(block.bytes()).children();
                    BigInteger p = f.get(1).integer();
                    BigInteger q = f.get(2).integer();
                    BigInteger g = f.get(3).integer();
                    BigInteger y = f.get(4).integer();
                    BigInteger x = f.get(5).integer();
                    KeyFactory kf = KeyFactory.getInstance("DSA");
                    return new Key(kf.generatePrivate(new DSAPrivateKeySpec(x, p, q, g)),
                            kf.generatePublic(new DSAPublicKeySpec(y, p, q, g)), pemText);
                }
                default:
                    throw new KeyException("invalid private key type " + block.type());
            }
        } catch (GeneralSecurityException | IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new KeyException("parsing " + block.type().replace(" PRIVATE KEY", "") + " private key from PEM: "
                    + "x509: failed to parse private key");
        }
    }

    private static Key fromPkcs8(byte[] der, String pemText) throws KeyException, GeneralSecurityException {
        for (String alg : new String[] {"RSA", "EC", "Ed25519", "DSA"}) {
            try {
                PrivateKey priv = KeyFactory.getInstance(alg).generatePrivate(new PKCS8EncodedKeySpec(der));
                PublicKey pub = publicOf(priv);
                return new Key(priv, pub, pemText);
            } catch (java.security.spec.InvalidKeySpecException e) {
                // try the next algorithm
            }
        }
        throw new KeyException("decoding PEM as PKCS#8: x509: failed to parse private key");
    }

    private static PublicKey publicOf(PrivateKey priv) throws GeneralSecurityException, KeyException {
        if (priv instanceof RSAPrivateCrtKey k) {
            return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(k.getModulus(), k.getPublicExponent()));
        }
        if (priv instanceof DSAPrivateKey k) {
            DSAParams p = k.getParams();
            return KeyFactory.getInstance("DSA").generatePublic(new DSAPublicKeySpec(p.getG().modPow(k.getX(), p.getP()),
                    p.getP(), p.getQ(), p.getG()));
        }
        if (priv instanceof java.security.interfaces.EdECPrivateKey k && k.getBytes().isPresent()) {
            // The JDK cannot derive an EdDSA public key directly; regenerating the pair from the
            // private seed (the generator's only random input) yields it.
            byte[] seed = k.getBytes().get();
            KeyPairGenerator g = KeyPairGenerator.getInstance("Ed25519");
            g.initialize(255, new SecureRandom() {
                private static final long serialVersionUID = 1L;

                @Override
                public void nextBytes(byte[] bytes) {
                    System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
                }
            });
            return g.generateKeyPair().getPublic();
        }
        throw new KeyException("unable to get public key for type " + priv.getAlgorithm());
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
