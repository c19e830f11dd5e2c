package io.kubelauncher.kubernetes.translate;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-read common shape must agree with {@link OffsetDateTime#parse} on every text, valid or not. */
class TimestampsTest {

    @Test
    void readsWhatTheApiServerWrites() {
        assertThat(Timestamps.parse("2026-11-27T18:36:15Z")).contains(Instant.parse("2026-11-27T18:36:15Z"));
        assertThat(Timestamps.parse("2026-11-27T18:36:15.123456Z")).contains(Instant.parse("2026-11-27T18:36:15.123456Z"));
        assertThat(Timestamps.parse("2026-11-27T20:36:15+02:00")).contains(Instant.parse("2026-11-27T18:36:15Z"));
        assertThat(Timestamps.parse("2026-11-27T18:06:15-00:30")).contains(Instant.parse("2026-11-27T18:36:15Z"));
    }

    @Test
    void rejectsWhatTheGeneralParserRejects() {
        assertThat(Timestamps.parse("2026-02-30T00:00:00Z")).isEmpty();
        assertThat(Timestamps.parse("2026-11-27T24:00:00Z")).isEmpty();
        assertThat(Timestamps.parse("2026-11-27T18:36:15+19:00")).isEmpty();
        assertThat(Timestamps.parse("yesterday")).isEmpty();
        assertThat(Timestamps.parse("")).isEmpty();
        assertThat(Timestamps.parse(null)).isEmpty();
    }

    @Test
    void leavesOtherValidShapesToTheGeneralParser() {
        assertThat(Timestamps.parseCommonShape("2026-11-27T18:36Z")).isNull();
        assertThat(Timestamps.parse("2026-11-27T18:36Z")).contains(Instant.parse("2026-11-27T18:36:00Z"));
        assertThat(Timestamps.parse("2026-11-27t18:36:15z")).isEqualTo(reference("2026-11-27t18:36:15z"));
        assertThat(Timestamps.parseCommonShape("2026-11-27T18:36:15.Z")).isNull();
        assertThat(Timestamps.parse("2026-11-27T18:36:15.Z")).isEqualTo(reference("2026-11-27T18:36:15.Z"));
    }

    @Property(tries = 2000)
    void agreesWithOffsetDateTime(@ForAll("timestamps") String text) {
        assertThat(Timestamps.parse(text)).as(text).isEqualTo(reference(text));
    }

    /** Well-formed shapes with out-of-range fields, fractions of 0-10 digits and various offsets. */
    @Provide
    Arbitrary<String> timestamps() {
        Arbitrary<String> date = Combinators.combine(Arbitraries.integers().between(0, 9999), Arbitraries.integers().between(0, 13),
                Arbitraries.integers().between(0, 32)).as((y, m, d) -> String.format("%04d-%02d-%02d", y, m, d));
        Arbitrary<String> time = Combinators.combine(Arbitraries.integers().between(0, 25), Arbitraries.integers().between(0, 61),
                Arbitraries.integers().between(0, 61)).as((h, m, s) -> String.format("%02d:%02d:%02d", h, m, s));
        Arbitrary<String> fraction = Arbitraries.oneOf(Arbitraries.just(""),
                Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(10).map(f -> "." + f));
        Arbitrary<String> offset = Arbitraries.oneOf(Arbitraries.of("Z", "z", "", "+00:00", "-00:00", "+18:00", "-18:01", "+05:30", "X"),
                Combinators.combine(Arbitraries.of("+", "-"), Arbitraries.integers().between(0, 19), Arbitraries.integers().between(0, 60))
                        .as((sign, h, m) -> String.format("%s%02d:%02d", sign, h, m)));
        return Combinators.combine(date, Arbitraries.of("T", "t", " "), time, fraction, offset).as((d, t, tm, f, o) -> d + t + tm + f + o);
    }

    private static Optional<Instant> reference(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
