package io.kubelauncher.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class WireTimeTest {

    @Test
    void formatsUtcWithMicrosecondsOmittingAZeroFraction() {
        assertThat(WireTime.format(Instant.parse("2019-02-15T11:23:44.039876Z"))).isEqualTo("2019-02-15T11:23:44.039876Z");
        assertThat(WireTime.format(Instant.parse("2019-03-08T01:29:19Z"))).isEqualTo("2019-03-08T01:29:19Z");
        assertThat(WireTime.format(Instant.parse("2019-03-08T01:29:19.000000999Z"))).isEqualTo("2019-03-08T01:29:19Z");
        assertThat(WireTime.format(Instant.parse("2019-03-08T01:29:19.5Z"))).isEqualTo("2019-03-08T01:29:19.500000Z");
        assertThat(WireTime.format(Instant.parse("0001-01-01T00:00:00Z"))).isEqualTo("0001-01-01T00:00:00Z");
    }

    @Test
    void parsesEveryFormTheClientsSend() {
        Instant expected = Instant.parse("2020-05-06T07:08:09Z");
        assertThat(WireTime.parse("2020-05-06T07:08:09")).isEqualTo(expected);
        assertThat(WireTime.parse("2020-05-06T07:08:09Z")).isEqualTo(expected);
        assertThat(WireTime.parse("2020-05-06 07:08:09z")).isEqualTo(expected);
        assertThat(WireTime.parse("2020-05-06T09:08:09+02:00")).isEqualTo(expected);
        assertThat(WireTime.parse("2020-05-06T09:08:09+2:00")).isEqualTo(expected);
        assertThat(WireTime.parse("2020-05-06T09:08:09+0200")).isEqualTo(expected);
        assertThat(WireTime.parse("2020-05-06T06:08:09-01")).isEqualTo(expected);
        assertThat(WireTime.parse("2020-05-06T07:08:09.123456789Z")).isEqualTo(expected.plusNanos(123456789));
        assertThat(WireTime.parse(" 2020-05-06T07:08:09.1 ")).isEqualTo(expected.plusMillis(100));
    }

    @Test
    void rejectsWhatIsNotADateTime() {
        assertThatThrownBy(() -> WireTime.parse("yesterday")).hasMessageContaining("invalid date-time \"yesterday\"");
        assertThatThrownBy(() -> WireTime.parse("2020-13-01T00:00:00Z")).hasMessageContaining("invalid date-time");
        assertThatThrownBy(() -> WireTime.parse("2020-01-01T00:00:00+25:00")).hasMessageContaining("invalid date-time");
    }

    @Property(tries = 500)
    void formatThenParseKeepsMicroseconds(@ForAll @LongRange(min = 0, max = 253_402_300_799L) long seconds,
                                          @ForAll @LongRange(min = 0, max = 999_999_999) long nanos) {
        Instant instant = Instant.ofEpochSecond(seconds, nanos);
        String text = WireTime.format(instant);
        assertThat(WireTime.parse(text)).isEqualTo(instant.truncatedTo(ChronoUnit.MICROS));
        assertThat(text).isEqualTo(expectedText(instant));
    }

    private static String expectedText(Instant instant) {
        Instant micros = instant.truncatedTo(ChronoUnit.MICROS);
        String iso = micros.truncatedTo(ChronoUnit.SECONDS).toString();
        int micro = micros.getNano() / 1000;
        return micro == 0 ? iso : iso.substring(0, iso.length() - 1) + String.format(".%06dZ", micro);
    }
}
