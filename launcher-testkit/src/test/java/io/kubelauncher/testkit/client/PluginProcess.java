package io.kubelauncher.testkit.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Starts {@link TestPluginMain} as its own process and hands back a {@link LauncherClient} on it. */
final class PluginProcess {

    private PluginProcess() {
    }

    static LauncherClient start(String... options) {
        try {
            return LauncherClient.start(LauncherClient.javaCommand(TestPluginMain.class.getName(),
                    List.of("-Xshare:auto", "-XX:TieredStopAtLevel=1", "-Xss512k"), List.of(options)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Like {@link #start}, but the way {@code nohup} starts a program: with SIGHUP ignored. */
    static LauncherClient startIgnoringHangups(String... options) {
        try {
            List<String> command = new java.util.ArrayList<>(List.of("nohup"));
            command.addAll(LauncherClient.javaCommand(TestPluginMain.class.getName(),
                    List.of("-Xshare:auto", "-XX:TieredStopAtLevel=1", "-Xss512k"), List.of(options)));
            return LauncherClient.start(command);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode job(String name, String command, String... tags) {
        ObjectNode job = JsonNodeFactory.instance.objectNode();
        job.put("name", name);
        job.put("command", command);
        var array = job.putArray("tags");
        for (String tag : tags) {
            array.add(tag);
        }
        return job;
    }
}
