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

    @Test
    void rotatedTokensAreRegisteredAsTheyAreHandedOut() {
        java.util.Iterator<String> tokens = java.util.List.of("first-token-value", "second-token-value").iterator();
        java.util.function.Supplier<String> source = redactor.registering(tokens::next);
        assertThat(source.get()).isEqualTo("first-token-value");
        assertThat(redactor.redact("a first-token-value b second-token-value")).isEqualTo("a [REDACTED] b second-token-value");
        source.get();
        assertThat(redactor.redact("b second-token-value")).isEqualTo("b [REDACTED]");
    }

    @Test
    void redactingStreamMasksWholeLinesEvenWhenWrittenInPieces() {
        redactor.register("piecewise-secret");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.PrintStream stream = redactor.redacting(new java.io.PrintStream(bytes, true,
                java.nio.charset.StandardCharsets.UTF_8));
        stream.print("error: piece");
        stream.print("wise-sec");
        stream.println("ret was refused");
        new IllegalStateException("bad token piecewise-secret").printStackTrace(stream);
        String text = bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).startsWith("error: [REDACTED] was refused\n")
                .contains("IllegalStateException: bad token [REDACTED]").doesNotContain("piecewise-secret");
    }
}
