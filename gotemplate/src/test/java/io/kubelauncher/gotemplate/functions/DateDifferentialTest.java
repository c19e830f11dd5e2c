package io.kubelauncher.gotemplate.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Sprig's date functions on fixed instants, through the executor, against the oracle. */
class DateDifferentialTest {

    private static final String T = "(int64 1700000000)";

    static Stream<String> templates() {
        return Stream.of(
                "{{ date \"2006-01-02 15:04:05.000 MST -0700 Z07:00 Mon Monday Jan January 1 01 2 02 _2 3 03 PM pm 06 002 __2\" " + T + " }}",
                "{{ dateInZone \"Mon Jan _2 15:04:05 MST 2006\" " + T + " \"America/New_York\" }}|{{ dateInZone \"2006-01-02T15:04:05Z07:00\" " + T + " \"Asia/Kolkata\" }}",
                "{{ dateInZone \"15:04 MST -07 Z0700 -07:00:00 Z070000\" " + T + " \"Asia/Dubai\" }}|{{ dateInZone \"15:04 MST\" " + T + " \"Asia/Tokyo\" }}|{{ dateInZone \"15:04 MST\" " + T + " \"UTC\" }}|{{ dateInZone \"15:04 MST\" " + T + " \"\" }}|{{ dateInZone \"15:04 MST\" " + T + " \"No/Such\" }}",
                "{{ date_in_zone \"3:04PM\" 1700000000 \"Europe/Paris\" }}|{{ htmlDate " + T + " }}|{{ htmlDateInZone " + T + " \"Pacific/Kiritimati\" }}",
                "{{ date \"2006.999 .000000 ,99 .9\" (toDate \"2006-01-02T15:04:05.000000000Z07:00\" \"2023-05-06T07:08:09.120300000+02:00\") }}",
                "{{ toDate \"2006-01-02\" \"2017-12-31\" }}|{{ toDate \"2006-01-02 15:04:05 -0700\" \"2017-12-31 23:59:58 +0530\" }}|{{ toDate \"02 Jan 06 15:04 MST\" \"03 Feb 21 10:00 UTC\" }}",
                "{{ toDate \"Jan 2, 2006 at 3:04pm (MST)\" \"Feb 3, 2013 at 7:54pm (PST)\" }}|{{ toDate \"2006-01-02\" \"bad\" }}",
                "{{ mustToDate \"2006-01-02\" \"2017-13-01\" }}", "{{ mustToDate \"2006-01-02\" \"2017-02-30\" }}", "{{ mustToDate \"2006-01-02\" \"2017-1-01\" }}",
                "{{ mustToDate \"2006-01-02\" \"2017-01-01x\" }}", "{{ mustToDate \"15:04\" \"25:00\" }}", "{{ mustToDate \"Jan\" \"Foo\" }}",
                "{{ unixEpoch (toDate \"2006-01-02T15:04:05Z07:00\" \"2020-01-01T00:00:00Z\") }}|{{ toDate \"2006-01-02T15:04:05Z07:00\" \"2020-01-01T00:00:00Z\" }}",
                "{{ dateModify \"1h30m\" (toDate \"2006-01-02\" \"2020-01-01\") }}|{{ dateModify \"-48h\" (toDate \"2006-01-02\" \"2020-03-01\") }}|{{ dateModify \"bogus\" (toDate \"2006-01-02\" \"2020-03-01\") }}",
                "{{ mustDateModify \"1d\" (toDate \"2006-01-02\" \"2020-01-01\") }}", "{{ must_date_modify \"1\" (toDate \"2006-01-02\" \"2020-01-01\") }}", "{{ mustDateModify \".\" (toDate \"2006-01-02\" \"2020-01-01\") }}",
                "{{ duration \"95\" }} {{ duration (int64 3661) }} {{ duration 90 }} {{ duration \"x\" }} {{ duration \"-1\" }} {{ duration (int64 0) }}",
                "{{ durationRound \"2h10m5s\" }} {{ durationRound \"-50h\" }} {{ durationRound \"800h\" }} {{ durationRound \"9000h\" }} {{ durationRound (int64 1500000000) }} {{ durationRound \"1.5s\" }} {{ durationRound 5 }} {{ durationRound \"1ms\" }}",
                "{{ (toDate \"2006-01-02\" \"2020-02-29\").Year }} {{ (toDate \"2006-01-02\" \"2020-02-29\").YearDay }} {{ toJson (toDate \"2006-01-02T15:04:05.999Z07:00\" \"2020-02-29T10:00:00.5-03:00\") }}",
                "{{ toYaml (dict \"t\" (toDate \"2006-01-02\" \"2020-02-29\")) }}|{{ typeOf (toDate \"2006-01-02\" \"2020-02-29\") }}|{{ kindOf (toDate \"2006-01-02\" \"2020-02-29\") }}",
                "{{ range list \"Europe/Paris\" \"America/Sao_Paulo\" \"Australia/Lord_Howe\" \"Asia/Kathmandu\" \"Pacific/Chatham\" \"Europe/Dublin\" \"Africa/Casablanca\" \"America/Caracas\" \"Antarctica/Troll\" }}{{ dateInZone \"MST -0700|\" (int64 1700000000) . }}{{ dateInZone \"MST -0700|\" (int64 1690000000) . }}{{ dateInZone \"MST -0700|\" (int64 -1000000000) . }}{{ dateInZone \"MST|\" (int64 4102444800) . }}{{ end }}",
                "{{ date \"Monday\" .when }}" // a JSON number is no time: Go formats now — compared by shape elsewhere
        ).filter(t -> !t.contains(".when"));
    }

    @ParameterizedTest
    @MethodSource("templates")
    void matchesGo(String template) throws Exception {
        assertThat(Differential.ours(template)).isEqualTo(Differential.go(template));
    }
}
