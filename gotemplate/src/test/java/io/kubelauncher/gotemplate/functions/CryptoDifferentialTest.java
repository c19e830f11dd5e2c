package io.kubelauncher.gotemplate.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Sprig's deterministic crypto (derivePassword, AES decryption and its failures) against the oracle. */
class CryptoDifferentialTest {

    static Stream<String> templates() {
        return Stream.of(
                "{{ derivePassword 1 \"long\" \"password\" \"user\" \"example.com\" }} {{ derivePassword 2 \"maximum\" \"pässwörd\" \"üser\" \"site\" }}",
                "{{ derivePassword 3 \"pin\" \"\" \"\" \"\" }} {{ derivePassword 4294967295 \"basic\" \"p\" \"u\" \"s\" }} {{ derivePassword 1 \"medium\" \"p\" \"u\" \"s\" }} {{ derivePassword 1 \"short\" \"p\" \"u\" \"s\" }} {{ derivePassword 1 \"nope\" \"p\" \"u\" \"s\" }}",
                "{{ decryptAES \"secret\" \"\" }}|{{ encryptAES \"secret\" \"\" }}",
                "{{ decryptAES \"secret\" \"!!\" }}", "{{ decryptAES \"secret\" \"AAAA\" }}", "{{ decryptAES \"secret\" \"AA==\" }}",
                "{{ decryptAES \"k\" \"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\" }}",
                "{{ htpasswd \"a:b\" \"p\" }}", "{{ genPrivateKey \"foo\" }}",
                "{{ genSelfSignedCert \"x\" (list 1) nil 1 }}", "{{ genSelfSignedCert \"x\" (list \"999.1.1.1\") nil 1 }}",
                "{{ genSelfSignedCert \"x\" nil (list 2) 1 }}", "{{ genCAWithKey \"x\" 1 \"junk\" }}",
                "{{ genCAWithKey \"x\" 1 \"-----BEGIN FOO-----\\nAAAA\\n-----END FOO-----\\n\" }}",
                "{{ buildCustomCert \"!\" \"AAAA\" }}", "{{ buildCustomCert \"AAAA\" \"!\" }}", "{{ buildCustomCert \"AAAA\" \"AAAA\" }}"
        );
    }

    @ParameterizedTest
    @MethodSource("templates")
    void matchesGo(String template) throws Exception {
        assertThat(Differential.ours(template)).isEqualTo(Differential.go(template));
    }
}
