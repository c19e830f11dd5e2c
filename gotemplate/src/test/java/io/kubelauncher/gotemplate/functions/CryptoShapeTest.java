package io.kubelauncher.gotemplate.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubelauncher.gotemplate.function.TemplateFunction;
import io.kubelauncher.gotemplate.sprig.Certificate;
import io.kubelauncher.gotemplate.sprig.SprigLibrary;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The random crypto functions, by shape and by cross-checking with Go: what we generate (AES
 * ciphertexts, keys, certificates) must be accepted by the oracle's Sprig.
 */
class CryptoShapeTest {

    private static final Map<String, TemplateFunction> SPRIG = SprigLibrary.create().functions();

    private static Object call(String name, Object... args) throws Exception {
        return SPRIG.get(name).call(args);
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void bcryptHashesAreModularCryptStringsOfCost10() throws Exception {
        String h = (String) call("bcrypt", "s3cret");
        assertThat(h).matches("\\$2a\\$10\\$[./A-Za-z0-9]{53}");
        assertThat((String) call("htpasswd", "bob", "pw")).matches("bob:\\$2a\\$10\\$[./A-Za-z0-9]{53}");
        assertThat(call("bcrypt", "s3cret")).isNotEqualTo(h); // fresh salt each time
    }

    @Test
    void encryptAesCiphertextDecryptsInGo() throws Exception {
        String plain = "héllo wörld, sixteen+ bytes";
        String ct = (String) call("encryptAES", "my key", plain);
        assertThat(Differential.go("{{ decryptAES \"my key\" \"" + ct + "\" }}")).isEqualTo(plain);
        assertThat(call("decryptAES", "my key", ct)).isEqualTo(plain);
    }

    @Test
    void caCertificateIsAcceptedByGoAndHasTheRequestedShape() throws Exception {
        Certificate ca = (Certificate) call("genCA", "my-ca", 365);
        assertThat(ca.key()).startsWith("-----BEGIN RSA PRIVATE KEY-----\n");
        X509Certificate x = parse(ca.cert());
        assertThat(x.getSubjectX500Principal().getName()).isEqualTo("CN=my-ca");
        assertThat(x.getBasicConstraints()).isGreaterThanOrEqualTo(0);
        assertThat(x.getNotAfter().getTime() - x.getNotBefore().getTime()).isEqualTo(365L * 24 * 3600 * 1000);
        x.verify(x.getPublicKey());
        assertThat(Differential.go("{{ (buildCustomCert \"" + b64(ca.cert()) + "\" \"" + b64(ca.key()) + "\").Cert }}"))
                .isEqualTo(ca.cert());
    }

    @Test
    void signedCertificateCarriesSansAndVerifiesWithTheCa() throws Exception {
        Certificate ca = (Certificate) call("genCA", "ca", 10);
        Certificate leaf = (Certificate) call("genSignedCert", "svc.local", List.of("10.0.0.1", "::1"),
                List.of("svc", "svc.ns.svc"), 30, ca);
        X509Certificate x = parse(leaf.cert());
        x.verify(parse(ca.cert()).getPublicKey());
        assertThat(x.getIssuerX500Principal().getName()).isEqualTo("CN=ca");
        List<Object> sans = x.getSubjectAlternativeNames().stream().map(l -> (Object) l.get(1)).toList();
        assertThat(sans).containsExactly("svc", "svc.ns.svc", "10.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(x.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2");
        assertThat(Differential.go("{{ (buildCustomCert \"" + b64(leaf.cert()) + "\" \"" + b64(leaf.key()) + "\").Key }}"))
                .isEqualTo(leaf.key());
        Certificate self = (Certificate) call("genSelfSignedCert", "self", null, null, 1);
        parse(self.cert()).verify(parse(self.cert()).getPublicKey());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ecdsa", "ed25519", "dsa"})
    void privateKeysAreReadByGo(String type) throws Exception {
        String pem = (String) call("genPrivateKey", type);
        String header = switch (type) {
            case "ecdsa" -> "EC PRIVATE KEY";
            case "dsa" -> "DSA PRIVATE KEY";
            default -> "PRIVATE KEY";
        };
        assertThat(pem).startsWith("-----BEGIN " + header + "-----\n").endsWith("-----END " + header + "-----\n");
        String go = Differential.go("{{ (genCAWithKey \"k\" 1 \"" + pem.replace("\n", "\\n") + "\").Cert }}");
        if (type.equals("dsa")) {
            // Go parses the DSA key but cannot sign a certificate with it.
            assertThat(go).contains("error calling genCAWithKey").doesNotContain("parsing private key");
        } else {
            assertThat(go).startsWith("-----BEGIN CERTIFICATE-----");
            Certificate ours = (Certificate) call("genCAWithKey", "k", 1, pem);
            assertThat(Differential.go("{{ (buildCustomCert \"" + b64(ours.cert()) + "\" \"" + b64(ours.key()) + "\").Cert }}"))
                    .isEqualTo(ours.cert());
        }
    }

    @Test
    void rsaPrivateKeyIs4096BitsAndReadByGo() throws Exception {
        String pem = (String) call("genPrivateKey", "rsa");
        assertThat(pem).startsWith("-----BEGIN RSA PRIVATE KEY-----\n");
        assertThat(Differential.go("{{ (genCAWithKey \"k\" 1 \"" + pem.replace("\n", "\\n") + "\").Key | len }}"))
                .isEqualTo(Integer.toString(pem.length()));
    }

    private static X509Certificate parse(String pem) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    }
}
