package io.kubelauncher.gotemplate.sprig;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Vectors produced by libxcrypt's crypt(3) (Python crypt.crypt) with the same salt. */
class BcryptTest {

    private static byte[] salt() {
        byte[] salt = new byte[16];
        for (int i = 0; i < 16; i++) {
            salt[i] = (byte) (i * 17 + 3);
        }
        return salt;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "x|4|$2a$04$.vOjLibWYVoJlI08x8Bv.e1ly7vFel4jnwIqpL.iwUlIp/NQGozze",
        "correct horse battery staple|5|$2a$05$.vOjLibWYVoJlI08x8Bv.em8Qy7cOWg3jmTZvJxhB4iON3pFKvtu.",
        "''|4|$2a$04$.vOjLibWYVoJlI08x8Bv.eIMYXGZwb1tmkjWRn7KK8mBZnXx6B8cO",
    })
    void matchesCrypt3(String password, int cost, String expected) {
        assertThat(Bcrypt.hash(password.getBytes(StandardCharsets.UTF_8), cost, salt())).isEqualTo(expected);
    }
}
