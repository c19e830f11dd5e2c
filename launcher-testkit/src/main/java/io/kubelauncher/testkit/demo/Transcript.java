package io.kubelauncher.testkit.demo;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The demo's live account of what happens, one line per event, each stamped with the time since the
 * demo started and who speaks: the Launcher on behalf of a user ({@code alice -> plugin}), the plugin
 * answering, a stream delivering, the simulated cluster, or the demo itself. Lines come from several
 * threads (the status stream has its own), so printing is serialised here.
 */
public final class Transcript {

    private static final DateTimeFormatter WALL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final int WHO_WIDTH = 18;

    private final PrintStream out;
    private final Clock clock;
    private final Instant start;

    public Transcript(PrintStream out, Clock clock) {
        this.out = out;
        this.clock = clock;
        this.start = clock.instant();
    }

    /** Time since the transcript began. */
    Duration elapsed() {
        return Duration.between(start, clock.instant());
    }

    void title(String text) {
        print(text + " (" + WALL.format(start) + ")");
    }

    void scene(int number, String title, String story) {
        print("");
        print("== " + number + ". " + title + " " + "=".repeat(Math.max(3, 70 - title.length())));
        print("   " + story);
    }

    /** The Launcher sends a request on behalf of {@code user}. */
    void ask(String user, String text) {
        line(user + " -> plugin", text);
    }

    /** The plugin's answer to {@code user}'s request. */
    void answer(String user, String text) {
        line("plugin -> " + user, text);
    }

    /** A message of an open stream (status, output). */
    void stream(String stream, String text) {
        line(stream + " stream", text);
    }

    /** Something the demo does to the simulated cluster. */
    void cluster(String text) {
        line("cluster", text);
    }

    void note(String text) {
        line("demo", text);
    }

    void check(Check check) {
        line(check.passed() ? "PASS" : "FAIL", check.name() + ": " + check.observed());
    }

    void raw(String text) {
        print(text);
    }

    /** Synchronized with the stamp taken inside, so that lines from several threads print in time order. */
    private synchronized void line(String who, String text) {
        String stamp = String.format(Locale.ROOT, "[%7.3fs] ", elapsed().toMillis() / 1000.0);
        String prefix = stamp + pad(who) + " ";
        String indent = " ".repeat(prefix.length());
        String[] lines = text.split("\n", -1);
        StringBuilder b = new StringBuilder(prefix).append(lines[0]);
        for (int i = 1; i < lines.length; i++) {
            b.append('\n').append(indent).append(lines[i]);
        }
        print(b.toString());
    }

    private static String pad(String who) {
        return who.length() >= WHO_WIDTH ? who : who + " ".repeat(WHO_WIDTH - who.length());
    }

    private synchronized void print(String text) {
        out.println(text);
        out.flush();
    }
}
