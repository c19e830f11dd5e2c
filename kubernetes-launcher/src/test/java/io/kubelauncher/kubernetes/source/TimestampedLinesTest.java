package io.kubelauncher.kubernetes.source;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class TimestampedLinesTest {

    private final StringBuilder out = new StringBuilder();
    private final TimestampedLines lines = new TimestampedLines(out::append);

    private void write(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        lines.write(bytes, 0, bytes.length);
    }

    @Test
    void linesSplitAcrossWritesArePassedOnWhole() {
        write("2026-11-27T18:00:00.1Z hel");
        assertThat(out).isEmpty();
        write("lo\n2026-11-27T18:00:00.2Z wörld\n2026-11-27T18:00:01");
        assertThat(out).hasToString("hello\nwörld\n");
        write(".5Z !\n");
        assertThat(out).hasToString("hello\nwörld\n!\n");
    }

    @Test
    void aResumedConnectionSkipsWhatWasDeliveredInTheSameSecondAndAtTheSameInstant() {
        write("2026-11-27T18:00:00.1Z a\n2026-11-27T18:00:00.5Z b\n2026-11-27T18:00:00.5Z c\n2026-11-27T18:00:00.9Z d-partial");
        assertThat(lines.resumeFrom()).contains(Instant.parse("2026-11-27T18:00:00.5Z"));
        // the server repeats from the second: everything up to the last delivered line is dropped once
        write("2026-11-27T18:00:00.1Z a\n2026-11-27T18:00:00.5Z b\n2026-11-27T18:00:00.5Z c\n2026-11-27T18:00:00.9Z d-whole\n");
        write("2026-11-27T18:00:01.0Z e\n");
        assertThat(out).hasToString("a\nb\nc\nd-whole\ne\n");
    }

    @Test
    void onlyACleanEndPassesOnALastLineWithoutNewline() {
        write("2026-11-27T18:00:00.1Z a\n2026-11-27T18:00:00.2Z no newline");
        lines.finish();
        assertThat(out).hasToString("a\nno newline");
    }

    @Test
    void aBrokenConnectionDropsItsPartialLineEvenInsideTheTimestamp() {
        write("2026-11-27T18:00:00.1Z a\n2026-11-27T18:0");
        lines.resumeFrom();
        write("2026-11-27T18:00:00.1Z a\n2026-11-27T18:00:00.2Z b\n");
        assertThat(out).hasToString("a\nb\n");
    }

    @Test
    void theTimeStampsOfPartialRecordsAreCutOutOfTheLine() {
        // the kubelet logged "12345\n" as a partial record "12" and the rest, and later a line as three records
        write("2026-11-27T18:00:00.1Z 12" + "2026-11-27T18:00:00.15Z 345\n");
        write("2026-11-27T18:00:01Z a" + "2026-11-27T18:00:01Z b" + "2026-11-27T18:00:02.5Z c\n");
        assertThat(out).hasToString("12345\nabc\n");
    }

    @Test
    void textThatOnlyLooksLikeATimeStampStays() {
        // earlier than the record, more than a minute later, or without the space: content, not a boundary
        write("2026-11-27T18:00:10Z at 2026-11-27T18:00:09Z x, 2026-11-27T18:05:00Z y, 2026-11-27T18:00:10Zz\n");
        assertThat(out).hasToString("at 2026-11-27T18:00:09Z x, 2026-11-27T18:05:00Z y, 2026-11-27T18:00:10Zz\n");
    }

    @Test
    void aResumeAfterPartialRecordsSkipsTheRecordsAlreadyDelivered() {
        write("2026-11-27T18:00:00.1Z a" + "2026-11-27T18:00:00.2Z b\n" + "2026-11-27T18:00:00.2Z c");
        lines.resumeFrom();
        write("2026-11-27T18:00:00.1Z a" + "2026-11-27T18:00:00.2Z b\n" + "2026-11-27T18:00:00.2Z c" + "2026-11-27T18:00:00.3Z d\n");
        assertThat(out).hasToString("ab\ncd\n");
    }
}
