package io.kubelauncher.kubernetes.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SecretRedactorTest {

    private final SecretRedactor redactor = new SecretRedactor();

    @Test
    void registeredValuesAreMaskedWherever_they_appear() {
        redactor.register("s3cr3t-token-value\n");
        assertThat(redactor.redact("token=s3cr3t-token-value;again:s3cr3t-token-value"))
                .isEqualTo("token=[REDACTED];again:[REDACTED]");
    }

    @Test
    void longerSecretsAreMaskedWhole() {
        redactor.register("abcdefgh");
        redactor.register("abcdefgh-ijklmnop");
        assertThat(redactor.redact("x abcdefgh-ijklmnop y abcdefgh")).isEqualTo("x [REDACTED] y [REDACTED]");
    }

    @Test
    void bearerCredentialsAndJwtsAreMaskedEvenUnregistered() {
        assertThat(redactor.redact("Authorization: Bearer abc.def-ghi_jkl")).isEqualTo("Authorization: Bearer [REDACTED]");
        assertThat(redactor.redact("token eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJqb2IifQ.c2lnbmF0dXJl end"))
                .isEqualTo("token [REDACTED] end");
    }

    @Test
    void ordinaryTextIsUntouched() {
        redactor.register("some-long-secret");
        assertThat(redactor.redact("Job 42 submitted by alice")).isEqualTo("Job 42 submitted by alice");
        assertThat(redactor.redact(null)).isNull();
    }

    @Test
    void tooShortSecretsAreRefused() {
        assertThatThrownBy(() -> redactor.register(" abc ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 8 characters");
    }
}
